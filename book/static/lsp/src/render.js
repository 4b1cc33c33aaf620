// The one render() both hosts call: anywidget in JupyterLab, site.js on the static site.
import { h } from "./dom.js";
import { renderOefening } from "./oefening.js";
import { renderInleveren } from "./inleveren/index.js";

export function render({ model, el }) {
  try {
    return model.get("soort") === "inleveren" ? renderInleveren(model, el) : renderOefening(model, el);
  } catch (e) {
    el.replaceChildren(h("p", { class: "lsp-fout", text: "Deze oefening kon niet worden getoond. Ververs de pagina; helpt dat niet, meld het dan aan je docent." }));
    console.error(e);
    return undefined;
  }
}
