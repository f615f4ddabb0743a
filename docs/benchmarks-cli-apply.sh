#!/usr/bin/env bash
# Applies a fresh simulated full mesh with the real CLI against `meshctl sim` (another process),
# once per flag set given, and prints one line per run: wall time, the CLI's own CPU, exit code.
#
#   docs/benchmarks-cli-apply.sh "" "--parallelism 512" "--parallelism 10 --per-controller 8"
#
# "" is the defaults. Environment: N (controllers, 64), LATENCY (per request, 20ms), RUNS (per
# flag set, 3), BASE_PORT (9101: ports BASE_PORT..BASE_PORT+N-1 must be free), MESHCTL (the
# command, ./meshctl).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
meshctl="${MESHCTL:-$here/meshctl}"
n="${N:-64}"
latency="${LATENCY:-20ms}"
runs="${RUNS:-3}"
base="${BASE_PORT:-9101}"
password="bench-pw-1"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

"$meshctl" sim license --controllers "$n" -o "$dir/license.txt" --force >/dev/null
{
  printf 'apiVersion: meshctl/v1\nkind: Mesh\nmetadata:\n  name: bench\n'
  printf 'defaults:\n  api:\n    username: api\n    password: %s\n' "$password"
  printf '    tls: {insecure: true}\n    connect_timeout: 60s\n    request_timeout: 60s\n'
  printf 'license:\n  file: ./license.txt\n  parameters: {default: true}\n'
  printf 'keyset:\n  token: bench-keyset-token\nroot: ctl1\ncontrollers:\n'
  for i in $(seq 1 "$n"); do
    printf '  - name: ctl%d\n    endpoint: 127.0.0.1:%d\n    private_ip: 10.0.%d.10\n    subnet: 10.0.%d.0/24\n' \
      "$i" $((base + i - 1)) "$i" "$i"
  done
  printf 'peering:\n  mode: full_mesh\n  address: private_ip\n'
  printf 'routes:\n  peer_routes: true\n  advertise_subnets: true\n'
  printf 'execution:\n  reboot_timeout: 2m\n  keyset_timeout: 2m\n'
} > "$dir/mesh.yaml"

echo "N=$n latency=$latency reboot 2s keyset 1s download 1s; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Round after round, each flag set once per round, so a change in the machine's load falls on all.
for run in $(seq 1 "$runs"); do
  for flags in "$@"; do
    if ss -ltn | grep -q ":$base "; then
      echo "port $base is in use: another simulator still running?" >&2
      exit 1
    fi
    "$meshctl" sim --controllers "$n" --base-port "$base" --api-password "$password" --admin-port -1 \
      --latency "$latency" --jitter 0ms --reboot 2s --keyset-generation 1s --keyset-download 1s \
      --run-for 15m >"$dir/sim.log" 2>&1 &
    sim=$!
    until curl -sk -o /dev/null -u "api:$password" "https://127.0.0.1:$((base + n - 1))/api/config"; do
      kill -0 "$sim" || { cat "$dir/sim.log"; exit 1; }
      sleep 0.5
    done
    # shellcheck disable=SC2086 # the flags are words
    /usr/bin/time -f "%e %U %S" -o "$dir/time" \
      "$meshctl" apply --auto-approve --no-color --waits simulated $flags "$dir/mesh.yaml" >"$dir/apply.log" 2>&1 \
      && code=0 || code=$?
    read -r wall user sys < <(tail -1 "$dir/time")
    printf 'flags [%s] run %d: apply %6.2f s, meshctl CPU %6.2f s, exit %d, %s\n' \
      "$flags" "$run" "$wall" "$(echo "$user + $sys" | bc)" "$code" "$(tail -1 "$dir/apply.log")"
    kill "$sim" 2>/dev/null || { echo "the simulator had stopped:" >&2; cat "$dir/sim.log" >&2; }
    wait "$sim" 2>/dev/null || true
    while ss -ltn | grep -q ":$base "; do sleep 0.5; done
  done
done
