#!/usr/bin/env bash
# Mutation testing of the front-end's pure logic (make mutants; slow, not part of make test).
#
# Stryker mutates the sanitisers, completeness and readable text of every question type
# (book/static/lsp/src/typen/*.js up to their render function), the answer logic
# (antwoorden.js: sanitising, progress, merge, the answer file), storage (opslag.js) and the
# bewaarder (bewaarder.js) and the LMS link (scorm.js); its command runner runs the unit tests (node --test tests/js/)
# against each mutant. Stryker is installed with npm into _build/mutants-js/ (ignored), only here:
# make book and make test never need npm.
#
#   tools/mutants_js.sh                          # every file below
#   tools/mutants_js.sh scorm.js typen/netwerk.js  # only these (paths under book/static/lsp/src)
#
# Output: the score per file on screen, and _build/mutants-js/verslag.txt with the surviving
# mutants; the full report is _build/mutants-js/reports/mutation/mutation.html.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/_build/mutants-js"
STRYKER_VERSION="9.6.1"        # Stryker 10 needs Node 22; the machine has Node 20
mkdir -p "$WORK"

if [ ! -x "$WORK/tools/node_modules/.bin/stryker" ]; then
  echo "Stryker $STRYKER_VERSION wordt geïnstalleerd in $WORK/tools (eenmalig)."
  npm install --silent --no-audit --no-fund --prefix "$WORK/tools" "@stryker-mutator/core@$STRYKER_VERSION" >/dev/null
fi

# A copy of just what the tests need, so Stryker's sandbox never copies .venv or _build.
PROJECT="$WORK/project"
rm -rf "$PROJECT"
mkdir -p "$PROJECT/book/static/lsp" "$PROJECT/tests"
cp -r "$ROOT/book/static/lsp/src" "$PROJECT/book/static/lsp/src"
cp -r "$ROOT/tests/js" "$PROJECT/tests/js"

# What to mutate: pure logic only (the DOM parts have browser tests, not unit tests).
# Arguments (optional) restrict the run to those files, e.g. `tools/mutants_js.sh scorm.js typen/netwerk.js`.
node - "$PROJECT" "$@" <<'JS'
const fs = require("fs");
const path = require("path");
const project = process.argv[2];
const alleen = process.argv.slice(3);
const src = "book/static/lsp/src";
const mutate = ["antwoorden.js", "opslag.js", "bewaarder.js", "scorm.js"].map((f) => `${src}/${f}`);
for (const f of fs.readdirSync(path.join(project, src, "typen")).sort()) {
  if (!f.endsWith(".js") || f === "index.js") continue;
  const lines = fs.readFileSync(path.join(project, src, "typen", f), "utf8").split("\n");
  const render = lines.findIndex((l) => /^  render[(:]/.test(l));
  mutate.push(render > 0 ? `${src}/typen/${f}:1-${render}` : `${src}/typen/${f}`);
}
if (alleen.length) {
  const gekozen = mutate.filter((m) => alleen.some((a) => m.split(":")[0] === `${src}/${a}`));
  if (gekozen.length !== alleen.length) throw new Error(`onbekend bestand in ${alleen.join(" ")}`);
  mutate.splice(0, mutate.length, ...gekozen);
}
const config = {
  testRunner: "command",
  commandRunner: { command: "node tests/js/alle.mjs" },
  mutate,
  coverageAnalysis: "off",
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ["clear-text", "json", "html"],
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 80, low: 70, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
fs.writeFileSync(path.join(project, "stryker.config.json"), JSON.stringify(config, null, 2));
JS

cd "$PROJECT"
"$WORK/tools/node_modules/.bin/stryker" run stryker.config.json | tee "$WORK/stryker.log"

# Surviving mutants, one line each (reasons for the known ones: tools/mutants_js.md).
node - "$PROJECT/reports/mutation/mutation.json" "$WORK/verslag.txt" <<'JS'
const fs = require("fs");
const [rapport, uit] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(rapport, "utf8"));
const regels = [];
let gedood = 0, totaal = 0;
for (const [bestand, { mutants }] of Object.entries(data.files)) {
  const geteld = mutants.filter((m) => !["NoCoverage", "CompileError", "RuntimeError", "Ignored"].includes(m.status) || m.status === "NoCoverage");
  const dood = mutants.filter((m) => m.status === "Killed" || m.status === "Timeout").length;
  const mee = mutants.filter((m) => !["CompileError", "RuntimeError", "Ignored"].includes(m.status)).length;
  gedood += dood; totaal += mee;
  regels.push(`${bestand}: ${dood} van ${mee} gedood (${(100 * dood / Math.max(mee, 1)).toFixed(1)} %)`);
  for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
    regels.push(`  overleefd ${bestand}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} -> ${JSON.stringify(m.replacement)}`);
  }
  void geteld;
}
regels.unshift(`Totaal: ${gedood} van ${totaal} mutanten gedood (${(100 * gedood / Math.max(totaal, 1)).toFixed(1)} %)`);
fs.writeFileSync(uit, regels.join("\n") + "\n");
console.log(regels.filter((r) => !r.startsWith("  ")).join("\n"));
JS
