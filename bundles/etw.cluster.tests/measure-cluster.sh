#!/usr/bin/env bash
# Measures the cluster path against a local run of the same work, on loopback, as pairs run back to back:
#   local, then 1 member (etw node), REPEAT times; then local, then 3 members, REPEAT times.
# For every run it prints the wall time, the CPU time (user + sys) of the command and of the members during it,
# the load average just before it, the coordinator's figures (blocks, bytes per block, merge cost), and checks
# that the result equals the local one byte for byte.
# KIND=ensemble (default): `etw ensemble` of SAMPLES samples; KIND=sensitivity: `etw sensitivity` of SAMPLES base
# rows (each row k + 2 runs), analysed year 2040.
# The scenario is baseline cut to 2024-2040 (the same models and uncertainty, fewer years).
# usage (from the repository root, after mvn install):
#   [KIND=ensemble|sensitivity] [REPEAT=2] bundles/etw.cluster.tests/measure-cluster.sh [SAMPLES]
set -euo pipefail
samples="${1:-200}"
kind="${KIND:-ensemble}"
repeat="${REPEAT:-2}"
etw="$(pwd)/launcher/target/etw/bin/etw"
work="$(mktemp -d)"
printf 'name: cluster-test\nextends: baseline\nyears: {first: 2024, last: 2040}\n' > "$work/cluster-test.yaml"
scenario="$work/cluster-test.yaml"
name=cluster-test
if [ "$kind" = sensitivity ]; then csv="$name.sensitivity.csv"; else csv="$name.ensemble.csv"; fi
secret="$work/cluster.secret"
head -c 32 /dev/urandom | base64 > "$secret"
tck=$(getconf CLK_TCK)
nodes=()
cleanup() { for p in "${nodes[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
# a free loopback port below the kernel's ephemeral range (as EtwProcesses.freePort): a port from that range can be
# taken as the source port of a member's outgoing connection before the member that should listen on it binds it
port() { python3 - <<'PY'
import random, socket
try: top = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
except Exception: top = 32768
for _ in range(200):
    p = random.randrange(10000, top) if top - 10000 >= 1000 else 0
    s = socket.socket()
    try: s.bind(("127.0.0.1", p)); print(s.getsockname()[1]); break
    except OSError: pass
    finally: s.close()
PY
}
ticks() { # CPU clock ticks (user + sys) of the given processes (bin/etw execs java: the pid is the JVM's)
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
node() { # name port [join]
  ETW_CACHE="$work/cache-$1" "$etw" node --port "$2" ${3:+--join "$3"} --secret-file "$secret" > "$work/$1.out" 2> "$work/$1.err" &
  nodes+=($!)
  for _ in $(seq 1 900); do grep -q "started in cluster" "$work/$1.out" 2>/dev/null && return; sleep 0.2; done
  echo "node $1 did not start"; cat "$work/$1.err"; exit 1
}
run() { # label out [cluster]
  local t0 t1 m0 m1 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  m0=$(ticks "${nodes[@]}")
  t0=$(date +%s.%N)
  if [ "$kind" = sensitivity ]; then
    set -- "$1" "$2" "${3:-}" sensitivity "$scenario" --samples "$samples" --year 2040 --bootstrap 200 --seed 1
  else
    set -- "$1" "$2" "${3:-}" ensemble "$scenario" --samples "$samples" --seed 1
  fi
  ETW_CACHE="$work/cache-run" /usr/bin/time -f '%U %S' -o "$work/$2.time" "$etw" "${@:4}" --out "$work/$2" \
    ${3:+--cluster "$3" --secret-file "$secret"} > "$work/$2.out" 2> "$work/$2.err"
  t1=$(date +%s.%N)
  m1=$(ticks "${nodes[@]}")
  read -r u s < "$work/$2.time"
  printf '%-10s load %5s | wall %6.1f s | CPU command %6.1f s, members %6.1f s, sum %6.1f s | %s\n' "$1" "$load" \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$u + $s" | bc)" "$(echo "($m1 - $m0) / $tck" | bc -l)" \
    "$(echo "$u + $s + ($m1 - $m0) / $tck" | bc -l)" "$(grep -E '^(Ensemble|Sensitivity) of' "$work/$2.out" | sed 's/^.*: //')"
  grep 'cluster: [0-9]* block' "$work/$2.err" | sed 's/^etw: cluster: /           /' || true
  if [ "$2" != local ]; then
    cmp -s "$work/local/$csv" "$work/$2/$csv" && echo "           result: identical to local" \
      || { echo "           result: DIFFERS from local"; exit 1; }
  fi
}
echo "$(nproc) cores; $(uptime); $kind of $samples of $name; $(date -u +%H:%M) UTC"
p1=$(port); node n1 "$p1"
for i in $(seq 1 "$repeat"); do
  run local local
  run "1 member" one "127.0.0.1:$p1"
done
p2=$(port); p3=$(port); node n2 "$p2" "127.0.0.1:$p1"; node n3 "$p3" "127.0.0.1:$p1"
for i in $(seq 1 "$repeat"); do
  run local local
  run "3 members" three "127.0.0.1:$p1,127.0.0.1:$p2,127.0.0.1:$p3"
done
echo "$(uptime); $(date -u +%H:%M) UTC"
