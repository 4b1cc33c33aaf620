// Adds the exercise script to pages that hold an exercise or a hand-in block. Added to every
// page by _ext/lsp_assets.py (a classic, deferred script: it also runs when the book is opened
// from disk, where browsers refuse module scripts); costs one querySelector elsewhere.
// The script it adds (oefeningen.js) is generated at build time by book/frontend.py from the
// ES modules in src/; data-lsp-versie on this script tag is its content hash (cache busting).
(function () {
  "use strict";
  var SELECTOR = ".lsp-oefening, .lsp-inleveren";
  var BUNDEL = "oefeningen.js";
  var dit = document.currentScript;

  function toonFout(tekst) {
    var blokken = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < blokken.length; i++) {
      var p = document.createElement("p");
      p.className = "lsp-fout";
      p.setAttribute("role", "alert");
      p.textContent = tekst;
      blokken[i].append(p);
    }
  }

  function start() {
    if (!document.querySelector(SELECTOR) || !dit) return;
    var versie = dit.getAttribute("data-lsp-versie");
    var script = document.createElement("script");
    script.src = new URL(BUNDEL + (versie ? "?v=" + encodeURIComponent(versie) : ""), dit.src).href;
    script.onerror = function () {
      toonFout("De oefeningen konden niet worden geladen. Ververs de pagina; helpt dat niet, open het boek dan " +
        "opnieuw (uitgepakt, niet vanuit het zip-bestand) of probeer een andere browser.");
    };
    document.head.append(script);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
