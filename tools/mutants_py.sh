#!/usr/bin/env bash
# Mutation testing of book/ with mutmut (issue 15): how many one-line bugs do the tests catch?
#
#   tools/mutants_py.sh                 # the modules listed below, with their tests
#   tools/mutants_py.sh book/klas.py    # one module (its tests come from the table below)
#
# Runs in a temporary copy of the repository (tracked files only), so the working tree and
# pyproject.toml stay untouched; mutmut is installed into .venv when missing. Prints the score per
# module and writes it to bench/mutants_py.csv. Slow (minutes to an hour): not part of `make test`;
# on the shared machine run it as `flock /work/coord/heavy.lock tools/mutants_py.sh`.
# MUTANTS_KEEP=1 keeps the temporary copy so that `mutmut show <name>` works there afterwards.
# Other helpers: add a module and its tests to MODULES below.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="$ROOT/.venv/bin/python"
MUTMUT_VERSION="3.8.1"

# module -> the test files that prove it (space separated)
declare -A MODULES=(
  [book/answers.py]="tests/test_answers.py tests/test_klas.py"
  [book/klas.py]="tests/test_klas.py"
  [book/exercises/spec.py]="tests/test_exercise_spec.py tests/test_pages.py"
  [book/data.py]="tests/test_data.py tests/test_glue.py"
)

if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${!MODULES[@]}"); fi

"$PY" -c "import mutmut" 2>/dev/null || "$PY" -m pip install --quiet "mutmut==$MUTMUT_VERSION"

mkdir -p "$ROOT/bench"
out="$ROOT/bench/mutants_py.csv"
[ -f "$out" ] || echo "module,killed,survived,timeout,other,total,score_percent" > "$out"

for module in "${targets[@]}"; do
  tests="${MODULES[$module]:-}"
  if [ -z "$tests" ]; then echo "Onbekende module $module: voeg hem toe aan MODULES in $0" >&2; exit 2; fi
  work="$(mktemp -d)"
  [ -n "${MUTANTS_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
  (cd "$ROOT" && git ls-files -z | xargs -0 cp --parents -t "$work")
  ln -s "$ROOT/.venv" "$work/.venv"
  {
    echo "[mutmut]"
    echo "source_paths = book/"
    echo "only_mutate = $module"
    echo "pytest_add_cli_args_test_selection ="
    for t in $tests; do echo "    $t"; done
    # the notebook test runs in a kernel of its own (no mutant there) and is slow
    echo "pytest_add_cli_args ="
    echo "    -k"
    echo "    not projector_notebook"
    # workers fork from a server that only collected the tests: forked from the process that ran
    # them, they inherit warm caches (data.load, all_specs) and never call the mutated code
    echo "process_isolation = forkserver"
    echo "also_copy ="
    for d in exercises data docent chapters begrippen _config.yml _toc.yml; do echo "    $d"; done
  } > "$work/setup.cfg"
  echo "== $module ($tests)"
  # fewer hypothesis examples per mutant; the full count runs in the normal test suite
  (cd "$work" && LSP_HYPOTHESIS_VOORBEELDEN=8 "$ROOT/.venv/bin/mutmut" run --max-children 2 > "${TMPDIR:-/tmp}/mutmut_$(basename "$module" .py).log" 2>&1 || true)
  (cd "$work" && "$ROOT/.venv/bin/mutmut" results --all true > "$work/results.txt" 2>/dev/null || true)
  echo "(mutmut-log: ${TMPDIR:-/tmp}/mutmut_$(basename "$module" .py).log)"
  "$PY" - "$work/results.txt" "$module" "$out" <<'PYEOF'
import collections, re, sys
results, module, out = sys.argv[1:]
tel = collections.Counter()
survivors = []
for line in open(results, encoding="utf-8"):
    m = re.match(r"\s*(\S+): (\w[\w ]*)$", line.rstrip())
    if not m:
        continue
    name, status = m.groups()
    tel[status] += 1
    if status == "survived":
        survivors.append(name)
total = sum(tel.values())
killed = tel["killed"]
score = 100 * killed / total if total else 0.0
other = total - killed - tel["survived"] - tel["timeout"]
print(f"{module}: {killed} van {total} mutanten gedood ({score:.1f}%); overleefd {tel['survived']}, "
      f"timeout {tel['timeout']}, anders {other} {dict(tel)}")
for s in survivors:
    print("  overleefd:", s)
with open(out, "a", encoding="utf-8") as f:
    f.write(f"{module},{killed},{tel['survived']},{tel['timeout']},{other},{total},{score:.1f}\n")
PYEOF
  if [ -n "${MUTANTS_KEEP:-}" ]; then
    echo "(kopie bewaard: $work; bekijk een mutant met: cd $work && .venv/bin/mutmut show <naam>)"
  else
    rm -rf "$work"
    trap - EXIT
  fi
done
