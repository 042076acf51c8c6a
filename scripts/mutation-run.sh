#!/usr/bin/env bash
# Mutation testing of the cross-check (docs/TESTING.md, "Mutation testing"), one slice at a time:
#   scripts/mutation-run.sh [sim|tla|lower ...]     (default: sim tla)
# PIT_TESTS=ptlock.cli.ConformanceTest,ptlock.cli.ModelErrorTest,ptlock.cli.ShippedSpecsTest adds the shipped specs'
# reasoned verdicts (the default is the conformance suite alone); the report then goes to target/pit-<slice>-more.
# Each slice writes its own report, plugins/ptlock.cli/target/pit-<slice>/index.html and mutations.xml, and a
# summary line (mutants, killed, survived, timed out, score) to stdout. Build first: ./mvnw -o install -DskipTests.
# Hours, not minutes, on 2 cores: not a CI job. TLC's answers are cached per module content in
# plugins/ptlock.cli/target/mutation/tlc-cache, so a second run of a slice is much faster than the first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
slices=("$@")
[ ${#slices[@]} -gt 0 ] || slices=(sim tla)
offline=-o  # PIT itself is fetched from Maven Central the first time
[ -d "${HOME}/.m2/repository/org/pitest/pitest-maven/1.30.2" ] || offline=
for slice in "${slices[@]}"; do
  case "$slice" in
    sim) classes='ptlock.sim.StepExecutor*,ptlock.sim.Evaluator*' ;;
    tla) classes='ptlock.tla.StepCompiler*,ptlock.tla.ExprPrinter*,ptlock.tla.TlaGenerator*' ;;
    lower) classes='ptlock.lang.lower.ConstEvaluator*,ptlock.lang.lower.Folding*' ;;
    *) echo "mutation-run: unknown slice '$slice' (sim, tla, lower)" >&2; exit 2 ;;
  esac
  reports="$ROOT/plugins/ptlock.cli/target/pit-$slice${PIT_TESTS:+-more}"
  tests=()
  [ -z "${PIT_TESTS:-}" ] || tests=("-Dpit.tests=$PIT_TESTS")
  echo "== $slice: $classes ($(date -u +%H:%M:%S) UTC)"
  ./mvnw $offline -Pmutation -pl plugins/ptlock.cli test-compile org.pitest:pitest-maven:mutationCoverage \
    "-Dpit.classes=$classes" "-Dpit.reports=$reports" "${tests[@]}" >"$reports.log" 2>&1 || {
      echo "mutation-run: PIT failed on $slice, see $reports.log" >&2; exit 1; }
  python3 - "$reports/mutations.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
from collections import Counter
ms = ET.parse(sys.argv[1]).getroot().findall('mutation')
c = Counter(m.get('status') for m in ms)
detected = sum(1 for m in ms if m.get('detected') == 'true')
print(f"   {len(ms)} mutants: {dict(c)}; detected {detected} ({100 * detected // max(1, len(ms))}%)")
for m in ms:
    if m.get('status') in ('SURVIVED', 'NO_COVERAGE'):
        print(f"   {m.get('status'):11} {m.findtext('mutatedClass')}:{m.findtext('lineNumber')} "
              f"{m.findtext('mutatedMethod')}: {m.findtext('description')}")
PY
  echo "   ($(date -u +%H:%M:%S) UTC)"
done
