#!/usr/bin/env bash
# The full conformance run (./run-tests --full): ptlock conform on every shipped spec with a scenario, each
# scenario on both engines (distinct states, verdicts, each engine's counterexamples replayed on the other), and
# the seed matrix cell by cell. About 25 minutes on a 2-core machine: too long for CI, which runs the subset in
# ConformanceTest, ModelErrorTest and FuzzTest (docs/TESTING.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
status=0
mapfile -t specs < <(grep -l '^scenario ' $(find specs -name '*.ptl' | sort))
for f in "${specs[@]}"; do
  echo "== $f"
  ./ptlock conform "$f" --heap 4000 || status=1
done
echo "== specs/seed/series_matrix.ptl --matrix"
./ptlock conform specs/seed/series_matrix.ptl --matrix --heap 4000 || status=1
exit $status
