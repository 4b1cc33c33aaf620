// Mounts the exercises of a static page. Added to every page by _ext/lsp_assets.py; costs one
// querySelectorAll on pages without exercises (oefening.js is only imported when needed).
// Each <div class="lsp-oefening"> / <div class="lsp-inleveren"> holds its data as JSON in a
// <script type="application/json" class="lsp-data">; render() is the same one anywidget calls.

const SELECTOR = ".lsp-oefening, .lsp-inleveren";

// The part of the anywidget model API that oefening.js uses. Answers are persisted to
// localStorage by oefening.js itself (identically in both hosts), so save_changes is a no-op.
function lokaalModel(data) {
  const luisteraars = new Map();
  return {
    get: (naam) => data[naam],
    set(naam, waarde) {
      const oud = data[naam];
      data[naam] = waarde;
      for (const f of [...(luisteraars.get("change:" + naam) || [])]) f({ name: naam, old: oud, new: waarde });
    },
    on(naam, f) {
      if (!luisteraars.has(naam)) luisteraars.set(naam, []);
      luisteraars.get(naam).push(f);
    },
    off(naam, f) {
      if (!naam) { luisteraars.clear(); return; }
      if (!f) { luisteraars.delete(naam); return; }
      luisteraars.set(naam, (luisteraars.get(naam) || []).filter((g) => g !== f));
    },
    save_changes() {},
    send() {},
  };
}

function toonFout(el, tekst) {
  const p = document.createElement("p");
  p.className = "lsp-fout";
  p.setAttribute("role", "alert");
  p.textContent = tekst;
  el.append(p);
}

async function start() {
  const blokken = [...document.querySelectorAll(SELECTOR)].filter((el) => !el.dataset.lspGeladen);
  if (!blokken.length) return;
  let mod;
  try {
    mod = await import(new URL("./oefening.js", import.meta.url).href);
  } catch (e) {
    for (const el of blokken) toonFout(el, "De oefening kon niet worden geladen. Ververs de pagina of probeer een andere browser.");
    throw e;
  }
  for (const el of blokken) {
    el.dataset.lspGeladen = "1";
    let data;
    try {
      data = JSON.parse(el.querySelector("script.lsp-data").textContent);
    } catch (e) {
      toonFout(el, "De gegevens van deze oefening zijn beschadigd; ze kan niet worden getoond.");
      continue;
    }
    if (!("antwoorden" in data)) data.antwoorden = {};
    const plek = document.createElement("div");
    plek.className = "lsp-plek";
    el.append(plek);
    mod.render({ model: lokaalModel(data), el: plek });
  }
}

start();
