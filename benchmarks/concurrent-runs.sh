#!/usr/bin/env bash
# Concurrent runs into one output folder: RUNS (default 10) `etw run` at once, half of them one variant and half
# another variant with the same `name:`, all into one --out, for ROUNDS (default 10) rounds. After each round the
# CSV and the manifest left in --out must come from the same run. Prints failed runs, mixed pairs and leftover
# temporary files; exits 1 if any is not zero.
#
#   benchmarks/concurrent-runs.sh [ROUNDS] [RUNS]
#   ETW=/path/to/bin/etw benchmarks/concurrent-runs.sh      # another distribution (default: ./etw, built if needed)
#
# A pair is "mixed" when the CSV's bytes are those of one variant and the manifest names the other variant's
# parameter value, or when the manifest records a CSV SHA-256 (csvSha256) that is not the CSV's.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
etw="${ETW:-$root/etw}"
rounds="${1:-10}"
runs="${2:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/etw-concurrent.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for v in a b; do
  growth=$([ "$v" = a ] && echo 0.9 || echo 0.3)
  cat >"$work/$v.yaml" <<EOF
name: pair
extends: baseline
parameters:
  etw.models.datacenter:
    ai_compute_growth_initial: $growth
EOF
done

sha() { sha256sum "$1" | cut -d' ' -f1; }

# one run of each variant alone gives the CSV each must produce (this also builds ./etw if needed)
for v in a b; do
  if ! "$etw" run "$work/$v.yaml" --out "$work/ref-$v" >"$work/ref-$v.log" 2>&1; then
    echo "concurrent-runs: the reference run of variant $v failed:" >&2
    cat "$work/ref-$v.log" >&2
    exit 2
  fi
done
ref_a="$(sha "$work/ref-a/pair.csv")"
ref_b="$(sha "$work/ref-b/pair.csv")"
[ "$ref_a" != "$ref_b" ] || { echo "concurrent-runs: the two variants give the same CSV; cannot tell them apart" >&2; exit 2; }

out="$work/out"
failures=0
mixed=0
missing=0
started=$(date +%s.%N)
for ((round = 1; round <= rounds; round++)); do
  pids=()
  for ((i = 0; i < runs; i++)); do
    v=$([ $((i % 2)) = 0 ] && echo a || echo b)
    "$etw" run "$work/$v.yaml" --out "$out" >"$work/run-$round-$i.log" 2>&1 &
    pids+=($!)
  done
  round_failures=0
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      round_failures=$((round_failures + 1))
      [ "$round_failures" = 1 ] && { echo "round $round: a run failed:"; tail -3 "$work/run-$round-$i.log" | sed 's/^/    /'; }
    fi
  done
  failures=$((failures + round_failures))

  csv="$out/pair.csv"
  manifest="$out/pair.manifest.json"
  if [ ! -f "$csv" ] || [ ! -f "$manifest" ]; then
    missing=$((missing + 1))
    echo "round $round: CSV or manifest missing"
    continue
  fi
  h="$(sha "$csv")"
  case "$h" in
    "$ref_a") csv_variant=a ;;
    "$ref_b") csv_variant=b ;;
    *) csv_variant=other ;;
  esac
  if grep -Eq '"etw.models.datacenter/ai_compute_growth_initial": "(\*=)?0\.9"' "$manifest"; then manifest_variant=a
  elif grep -Eq '"etw.models.datacenter/ai_compute_growth_initial": "(\*=)?0\.3"' "$manifest"; then manifest_variant=b
  else manifest_variant=unknown
  fi
  recorded="$(sed -n 's/.*"csvSha256": "\([0-9a-f]*\)".*/\1/p' "$manifest")"
  if [ "$csv_variant" != "$manifest_variant" ] || { [ -n "$recorded" ] && [ "$recorded" != "$h" ]; }; then
    mixed=$((mixed + 1))
    echo "round $round: mixed pair (CSV of variant $csv_variant, manifest of variant $manifest_variant${recorded:+, csvSha256 in the manifest ${recorded:0:12}... vs CSV ${h:0:12}...})"
  fi
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
leftovers=$(find "$out" -name '*.tmp' 2>/dev/null | wc -l)

echo "concurrent-runs: $rounds rounds x $runs concurrent runs (2 variants, one name, one --out) in ${elapsed%.*} s"
echo "  failed runs:        $failures of $((rounds * runs))"
echo "  mixed pairs:        $mixed of $rounds rounds"
echo "  missing files:      $missing of $rounds rounds"
echo "  leftover *.tmp:     $leftovers"
[ "$failures" = 0 ] && [ "$mixed" = 0 ] && [ "$missing" = 0 ] && [ "$leftovers" = 0 ]
