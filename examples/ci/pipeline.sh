#!/usr/bin/env bash
# meshctl in CI, as one plain script with a stage per event (docs/ci.md):
#
#   pipeline.sh pr        pull request: validate, fmt --check, plan; writes plan.json (the saved
#                         plan) and plan.md (the summary to post as a pull-request comment)
#   pipeline.sh merge     merge to main: apply the saved plan (planned here when none was kept)
#   pipeline.sh nightly   every night: diff; exit 2 when the controllers drifted from the spec
#
# Settings (environment): SPEC (default mesh.yaml), MESHCTL (how to run meshctl, default
# meshctl), OUT (where plan.json, plan.md and plan.txt go, default .), APPLY_FLAGS (extra apply
# flags). Secrets come from the environment the spec's ${env:...} references name.
set -euo pipefail

MESHCTL=${MESHCTL:-meshctl}
SPEC=${SPEC:-mesh.yaml}
OUT=${OUT:-.}
stage=${1:-}

# $MESHCTL may be a command with arguments (e.g. "java -jar meshctl.jar"): split it on purpose.
# The function has its own name: one called meshctl would call itself when MESHCTL=meshctl.
run_meshctl() { $MESHCTL "$@"; }

case "$stage" in
  pr)
    run_meshctl validate "$SPEC"
    run_meshctl fmt --check --diff "$SPEC"
    # One read of the controllers gives both the saved plan and its summary, so the comment
    # describes exactly the plan that merge will apply. 0: no changes, 2: changes, 1: error.
    status=0
    run_meshctl plan "$SPEC" --detailed-exitcode --format markdown -out "$OUT/plan.json" > "$OUT/plan.md" || status=$?
    case "$status" in
      0) echo "meshctl: no changes" ;;
      2) echo "meshctl: changes to apply (see $OUT/plan.md)" ;;
      *) cat "$OUT/plan.md"; exit "$status" ;;
    esac
    ;;
  merge)
    if [ ! -f "$OUT/plan.json" ]; then
      run_meshctl plan "$SPEC" -out "$OUT/plan.json" --no-color > "$OUT/plan.txt"
    fi
    # A saved plan runs exactly as reviewed, and is refused if the spec or a controller changed.
    run_meshctl apply --auto-approve --no-color ${APPLY_FLAGS:-} "$OUT/plan.json"
    ;;
  nightly)
    status=0
    run_meshctl diff "$SPEC" --detailed-exitcode --no-color || status=$?
    if [ "$status" -eq 2 ]; then
      echo "meshctl: the controllers drifted from $SPEC (see above); run the merge stage or fix the spec" >&2
    fi
    exit "$status"
    ;;
  *)
    echo "usage: pipeline.sh pr|merge|nightly" >&2
    exit 1
    ;;
esac
