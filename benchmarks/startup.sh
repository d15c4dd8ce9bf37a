#!/usr/bin/env bash
# Whole-process time of the short commands a class runs, as a user sees it: wall time and CPU (user + sys) of
# `bin/etw COMMAND`, the median of RUNS (default 5) after one unmeasured run that fills the kept framework cache.
# The machine's load average is printed too: on a loaded machine wall time stretches, CPU time much less.
#
#   benchmarks/startup.sh [RUNS]
#   ETW=/path/to/bin/etw benchmarks/startup.sh     # another distribution (default: the built launcher/target/etw)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
etw="${ETW:-$root/launcher/target/etw/bin/etw}"
runs="${1:-5}"
[ -x "$etw" ] || { echo "startup: $etw is not built; run mvn -B install (or ./etw once) first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "startup: /usr/bin/time is needed (Debian package 'time')" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/etw-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

printf '%-34s %9s %9s\n' "command (median of $runs)" "wall s" "CPU s"
while IFS= read -r cmd; do
  # shellcheck disable=SC2086
  "$etw" $cmd >/dev/null 2>&1 || { echo "startup: 'etw $cmd' failed" >&2; exit 1; }
  : >"$work/times"
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -a -o "$work/times" -f '%e %U %S' "$etw" $cmd >/dev/null 2>&1
  done
  wall=$(awk '{print $1}' "$work/times" | median)
  cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$work/times" | median)
  printf '%-34s %9s %9s\n' "etw $cmd" "$wall" "$cpu"
done <<EOF
--help
scenarios
models
explain pue
show baseline Emissions|CO2|Energy|Supply|Electricity --region World
run baseline --out $work/out
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors"
