#!/usr/bin/env bash
# Prints a markdown table of every shipped scenario (per architecture): distinct states and simulator time, from
# 'ptlock check --json'. Used to record docs/BENCHMARKS.md "cost of each shipped scenario". Needs jq.
#   scripts/scenario-costs.sh [SPEC.ptl ...]    (default: every spec under specs/ that has a scenario)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  mapfile -t specs < <(grep -l '^scenario ' $(find specs -name '*.ptl' | sort))
fi
echo "| spec | scenario | states | sim ms |"
echo "|---|---|---|---|"
for f in "${specs[@]}"; do
  ./ptlock check "$f" --json 2>/dev/null | jq -r --arg f "$f" \
    '.results[] | "| \($f) | \(.scenario)\(if .arch then "@" + .arch else "" end) | \(.distinctStates) | \(.millis) |"' || true
done
