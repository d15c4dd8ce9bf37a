#!/usr/bin/env bash
# Measures the cluster path against a local run of the same work, on loopback:
#   local `etw ensemble`, then the same with 1 member (`etw node`), then with 3 members.
# Prints wall times, the ensemble's own time line, the coordinator's figures (blocks, bytes per block, merge cost)
# and checks that every result equals the local one byte for byte.
# The default scenario is baseline cut to 2024-2040 (same models and uncertainty, fewer years).
# usage: bundles/etw.cluster.tests/measure-cluster.sh [SAMPLES] [SCENARIO-FILE-OR-NAME]   (from the repository root, after mvn install)
set -euo pipefail
samples="${1:-1000}"
etw="$(pwd)/launcher/target/etw/bin/etw"
work="$(mktemp -d)"
printf 'name: cluster-test\nextends: baseline\nyears: {first: 2024, last: 2040}\n' > "$work/cluster-test.yaml"
scenario="${2:-$work/cluster-test.yaml}"
name="$(basename "$scenario" .yaml)"
secret="$work/cluster.secret"
head -c 32 /dev/urandom | base64 > "$secret"
nodes=()
cleanup() { for p in "${nodes[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
node() { # name port [join]
  ETW_CACHE="$work/cache-$1" "$etw" node --port "$2" ${3:+--join "$3"} --secret-file "$secret" > "$work/$1.out" 2> "$work/$1.err" &
  nodes+=($!)
  for _ in $(seq 1 600); do grep -q "started in cluster" "$work/$1.out" 2>/dev/null && return; sleep 0.2; done
  echo "node $1 did not start"; cat "$work/$1.err"; exit 1
}
run() { # label out [cluster]
  local t0 t1
  t0=$(date +%s.%N)
  ETW_CACHE="$work/cache-run" "$etw" ensemble "$scenario" --samples "$samples" --seed 1 --out "$work/$2" \
    ${3:+--cluster "$3" --secret-file "$secret"} > "$work/$2.out" 2> "$work/$2.err"
  t1=$(date +%s.%N)
  printf '%-10s wall %6.1f s | %s\n' "$1" "$(echo "$t1 - $t0" | bc)" "$(grep '^Ensemble of' "$work/$2.out")"
  grep 'cluster: [0-9]* block' "$work/$2.err" | sed 's/^/           /' || true
  if [ "$2" != local ]; then
    cmp -s "$work/local/$name.ensemble.csv" "$work/$2/$name.ensemble.csv" && echo "           result: identical to local" \
      || { echo "           result: DIFFERS from local"; exit 1; }
  fi
}
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $samples samples of $name"
run local local
p1=$(port); node n1 "$p1"
run "1 member" one "127.0.0.1:$p1"
p2=$(port); p3=$(port); node n2 "$p2" "127.0.0.1:$p1"; node n3 "$p3" "127.0.0.1:$p1"
run "3 members" three "127.0.0.1:$p1,127.0.0.1:$p2,127.0.0.1:$p3"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
