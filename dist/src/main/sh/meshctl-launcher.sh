#!/bin/sh
# meshctl: runs the bundled runtime on the bundled jar; needs no Java on PATH.
set -e
self="$0"
while [ -L "$self" ]; do
  link="$(readlink "$self")"
  case "$link" in /*) self="$link" ;; *) self="$(dirname "$self")/$link" ;; esac
done
home="$(cd "$(dirname "$self")/.." && pwd -P)"
app="$home/lib/app"
# A run lasts seconds: the quick JIT tier and the serial collector spend far less CPU than the
# optimizing compiler would. The AOT cache was made with these same flags; the JVM skips a cache
# whose flags differ (MESHCTL_JAVA_OPTS comes last and can change them) rather than fail.
if [ -n "${MESHCTL_TRAIN_AOT:-}" ]; then
  # Without AOT class linking: JDK 25.0.3 crashes writing meshctl's linked classes into the
  # cache (archiveHeapWriter guarantee); loaded classes alone are most of the gain.
  aot="-XX:AOTCacheOutput=$MESHCTL_TRAIN_AOT -XX:-AOTClassLinking -Xlog:disable"
elif [ -f "$app/meshctl.aot" ]; then
  # A cache the JVM cannot use (a jar whose time was changed, other flags) is skipped quietly.
  aot="-XX:AOTCache=$app/meshctl.aot -Xlog:aot*=off -Xlog:cds*=off"
else
  aot=""
fi
# The JVM's own log lines go to stderr, never into stdout that --json output shares.
# shellcheck disable=SC2086
exec "$home/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Xlog:disable -Xlog:all=warning:stderr $aot \
  ${MESHCTL_JAVA_OPTS:-} -cp "$app/meshctl.jar" dev.meshctl.cli.Main "$@"
