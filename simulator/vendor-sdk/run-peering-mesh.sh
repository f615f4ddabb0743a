#!/usr/bin/env bash
# Runs the vendor SDK's peering-mesh flow (peering_mesh_flow.py) against `meshctl sim`, then
# the tools both ways:
#   sdk      the SDK builds a mesh; its read macros check it
#   import   ... then `meshctl import` adopts it, `validate` and `diff` run on the imported spec
#   apply    on fresh controllers `meshctl apply` builds the same mesh; the SDK's read macros check it
#
#   simulator/vendor-sdk/run-peering-mesh.sh SDK_DIR [sdk|import|apply|all] [BASE_PORT]
#
# SDK_DIR is a checkout of cohesive/python-cohesivenet-sdk (never part of meshctl), e.g.
#   mkdir -p /tmp/cohesivenet-sdk && git -C MIRROR archive HEAD | tar -x -C /tmp/cohesivenet-sdk
# It needs python3 with urllib3, six, certifi and dateutil (Debian: python3-urllib3 python3-six
# python3-certifi python3-dateutil). meshctl is run from cli/target/meshctl.jar: build it first
# with `mvn -o -B -q -DskipTests package`. Each scenario starts its own simulator (3 controllers
# at BASE_PORT.., default 8141) and stops it. Exit status: non-zero if any step failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
sdk="${1:?usage: $0 SDK_DIR [sdk|import|apply|all] [BASE_PORT]}"
scenario="${2:-all}"
base_port="${3:-8141}"
jar="$repo/cli/target/meshctl.jar"
python="${PYTHON:-/usr/bin/python3}"
[ -f "$jar" ] || { echo "no $jar: run mvn -o -B -q -DskipTests package first" >&2; exit 2; }
[ -d "$sdk/cohesivenet" ] || { echo "$sdk is not a checkout of the vendor SDK" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/meshctl-vendor-sdk.XXXXXX")"
password="sim-vendor-sdk-pw"
keyset_token="vendor-sdk-keyset-token"
n=3
failures=0
sim_pid=""

java_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
meshctl() { java "${java_opts[@]}" -jar "$jar" "$@"; }

stop_sim() {
  if [ -n "$sim_pid" ]; then
    kill "$sim_pid" 2>/dev/null
    wait "$sim_pid" 2>/dev/null
    sim_pid=""
  fi
}
trap stop_sim EXIT

start_sim() {
  stop_sim
  # java itself in the background (not the meshctl function), so that $! is the simulator's pid.
  java "${java_opts[@]}" -jar "$jar" sim --controllers "$n" --base-port "$base_port" \
    --api-password "$password" --admin-port -1 > "$work/sim.out" 2>&1 &
  sim_pid=$!
  for _ in $(seq 1 100); do
    grep -q "Ctrl-C stops the simulator" "$work/sim.out" 2>/dev/null && return 0
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "meshctl sim did not start:" >&2
  cat "$work/sim.out" >&2
  exit 2
}

# The simulator's controllers as HOST:PORT,PASSWORD,SUBNET (ctlN: 10.0.N.10 in 10.0.N.0/24).
controllers_args() {
  for i in $(seq 1 "$n"); do
    printf -- '--controller 127.0.0.1:%s,%s,10.0.%s.0/24 ' "$((base_port + i - 1))" "$password" "$i"
  done
}

flow() {
  # shellcheck disable=SC2046
  "$python" "$here/peering_mesh_flow.py" "$1" --sdk "$sdk" $(controllers_args) \
    --license "$work/license.txt" --keyset-token "$keyset_token" --timeout 240 2> "$work/$1.stderr"
}

step() {
  echo "== $*"
}

record() {
  if [ "$1" -ne 0 ]; then
    failures=$((failures + 1))
  fi
}

meshctl sim license --controllers "$n" -o "$work/license.txt" > /dev/null

run_sdk() {
  step "the vendor SDK builds the mesh (examples/peering_mesh.py's macros)"
  start_sim
  flow build
  record $?
  step "the SDK's read macros see the mesh it built"
  flow read
  record $?
}

run_import() {
  run_sdk
  step "meshctl import adopts the SDK-built mesh"
  local targets=()
  for i in $(seq 1 "$n"); do
    targets+=("--endpoint" "ctl$i=127.0.0.1:$((base_port + i - 1))")
  done
  MESHCTL_PASSWORD="$password" meshctl import "${targets[@]}" --password-env MESHCTL_PASSWORD \
    --keyset-token-env MESHCTL_KEYSET_TOKEN --license-file "$work/license.txt" --insecure \
    -o "$work/imported.yaml"
  record $?
  cat "$work/imported.yaml" 2>/dev/null
  step "meshctl validate on the imported spec"
  MESHCTL_PASSWORD="$password" MESHCTL_KEYSET_TOKEN="$keyset_token" meshctl validate "$work/imported.yaml"
  record $?
  step "meshctl diff on the imported spec (no changes expected: exit 0)"
  MESHCTL_PASSWORD="$password" MESHCTL_KEYSET_TOKEN="$keyset_token" meshctl diff --detailed-exitcode "$work/imported.yaml"
  record $?
}

run_apply() {
  step "meshctl apply builds the same mesh on fresh controllers"
  start_sim
  {
    echo "apiVersion: meshctl/v1"
    echo "kind: Mesh"
    echo "metadata: {name: vendor-sdk-mesh}"
    echo "defaults:"
    echo "  api: {password: \"\${env:MESHCTL_PASSWORD}\", tls: {insecure: true}}"
    echo "license: {file: ./license.txt, parameters: {default: true}}"
    echo "keyset: {token: \"\${env:MESHCTL_KEYSET_TOKEN}\"}"
    echo "root: ctl1"
    echo "controllers:"
    for i in $(seq 1 "$n"); do
      echo "  - {name: ctl$i, endpoint: 127.0.0.1:$((base_port + i - 1)), private_ip: 10.0.$i.10, subnet: 10.0.$i.0/24}"
    done
    echo "peering: {mode: full_mesh, address: private_ip}"
    echo "routes: {peer_routes: true, advertise_subnets: true}"
  } > "$work/mesh.yaml"
  MESHCTL_PASSWORD="$password" MESHCTL_KEYSET_TOKEN="$keyset_token" meshctl apply --auto-approve "$work/mesh.yaml"
  record $?
  step "the SDK's read macros see what the spec says"
  flow read
  record $?
}

case "$scenario" in
  sdk) run_sdk ;;
  import) run_import ;;
  apply) run_apply ;;
  all) run_import; run_apply ;;
  *) echo "unknown scenario $scenario (sdk, import, apply, all)" >&2; exit 2 ;;
esac
stop_sim
echo "== $failures failed stage(s); work files in $work"
[ "$failures" -eq 0 ]
