#!/usr/bin/env bash
# Whole-process time of the short commands a class runs, as a user sees it: wall time and CPU (user + sys) of
# `bin/etw COMMAND`, the median of RUNS (default 5) after one unmeasured run (which fills the kept framework cache),
# each command in its own process (ETW_DAEMON=off) and through the daemon (ETW_DAEMON=on). The daemon is this
# script's own (in a temporary ETW_CACHE unless one is given), stopped at the end. CPU is the etw process's own:
# the daemon's share of the work is not in it, wall time is the whole wait.
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
export ETW_CACHE="${ETW_CACHE:-$work/cache}"
trap 'ETW_DAEMON=on "$etw" daemon stop >/dev/null 2>&1; rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# the daemon: started by one command, then waited for (it warms up before it listens)
ETW_DAEMON=on "$etw" scenarios >/dev/null 2>&1
for _ in $(seq 120); do
  ETW_DAEMON=on "$etw" daemon status 2>/dev/null | grep -q 'running (pid' && break
  sleep 0.5
done

# "wall CPU": the medians of RUNS runs of `etw $cmd` with ETW_DAEMON=$1
measure() {
  # shellcheck disable=SC2086
  ETW_DAEMON=$1 "$etw" $cmd >/dev/null 2>&1 || { echo "startup: 'etw $cmd' failed (ETW_DAEMON=$1)" >&2; exit 1; }
  : >"$work/times"
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    ETW_DAEMON=$1 /usr/bin/time -a -o "$work/times" -f '%e %U %S' "$etw" $cmd >/dev/null 2>&1
  done
  printf '%9s %9s' "$(awk '{print $1}' "$work/times" | median)" "$(awk '{printf "%.2f\n", $2 + $3}' "$work/times" | median)"
}

printf '%-70s %19s %19s\n' "" "own process" "daemon"
printf '%-70s %9s %9s %9s %9s\n' "command (median of $runs)" "wall s" "CPU s" "wall s" "CPU s"
while IFS= read -r cmd; do
  printf '%-70s %s %s\n' "etw ${cmd//$work/\$TMP}" "$(measure off)" "$(measure on)"
done <<COMMANDS
--help
scenarios
models
explain pue
show baseline Emissions|CO2|Energy|Supply|Electricity --region World
run baseline --out $work/out
compare baseline ai-boom
validate
COMMANDS
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors"
