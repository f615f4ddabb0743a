#!/usr/bin/env bash
# Start-up of the installed tarball: unpacks it into a new folder and times `meshctl --version`
# and `meshctl validate examples/local/mesh.yaml` as whole processes with hyperfine.
# Usage: dist/bench-startup.sh [TARBALL] [RUNS]   (build it first: mvn -B package -pl dist -am -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tarball="${1:-$(ls "$here"/target/meshctl-*-linux-x86_64.tar.gz | head -1)}"
runs="${2:-20}"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
dir="$(mktemp -d)"; trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/opt" "$dir/work"
tar -xzf "$tarball" -C "$dir/opt" --strip-components=1
cp "$here"/../examples/local/mesh.yaml "$here"/../examples/local/license.txt "$dir/work/"
cd "$dir/work"
export MESHCTL_SIM_PASSWORD=bench MESHCTL_KEYSET_TOKEN=bench
echo "tarball: $(basename "$tarball"); runs: $runs; load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$dir/startup.json" \
  -n 'meshctl --version' "$dir/opt/bin/meshctl --version" \
  -n 'meshctl validate examples/local/mesh.yaml' "$dir/opt/bin/meshctl validate mesh.yaml"
python3 - "$dir/startup.json" <<'PY'
import json, statistics, sys
print("| command | median | min | max | runs |\n|---|--:|--:|--:|--:|")
for r in json.load(open(sys.argv[1]))["results"]:
    t = r["times"]
    print(f"| `{r['command']}` | {statistics.median(t)*1000:.0f} ms | {min(t)*1000:.0f} ms | {max(t)*1000:.0f} ms | {len(t)} |")
PY
