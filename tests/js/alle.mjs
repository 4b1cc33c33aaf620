// All unit tests in one process: `node tests/js/alle.mjs` (node:test runs them and sets the exit
// code). Used by the mutation run (tools/mutants_js.sh), where one process per mutant instead of
// one per test file saves most of the time. Normal runs: node --test tests/js/
import "./typen.test.js";
import "./antwoorden.test.js";
import "./opslag.test.js";
import "./bewaarder.test.js";
import "./dom.test.js";
import "./netwerk.test.js";
import "./scorm.test.js";
import "./typen_randen.test.js";
