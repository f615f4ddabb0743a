#!/usr/bin/env bash
# Stages the release tree: a jlink runtime trimmed to the modules meshctl uses, the shaded jar,
# bin/meshctl, completions, the AsciiDoc for man pages (asciidoctor turns it into roff next),
# license notices, and an AOT cache trained on a real run.
# Inputs (environment): APP_JAR CODEGEN_CLASSPATH DIST_CLASSES NOTICES REPO_ROOT STAGE MAN_ADOC [DIST_JDK]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/dist-jdk.sh"
jdk="$(dist_jdk)"
echo "meshctl dist: runtime from $jdk ($("$jdk/bin/java" -version 2>&1 | sed -n 1p))"

rm -rf "$STAGE" "$MAN_ADOC"
mkdir -p "$STAGE/bin" "$STAGE/lib/app" "$STAGE/share/doc/meshctl" "$STAGE/share/man/man1" \
         "$STAGE/share/bash-completion/completions" "$STAGE/share/zsh/site-functions" "$MAN_ADOC"
cp "$APP_JAR" "$STAGE/lib/app/meshctl.jar"

# jdeps cannot read the shaded jar as one (it takes a dependency's module name for it), so it
# reads the classes unpacked, every release version but the base one left out.
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
(cd "$classes" && "$jdk/bin/jar" xf "$APP_JAR" && rm -rf META-INF/versions)
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps "$classes")"
# TLS with elliptic curves lives in its own module before JDK 22; charsets and DNS are found
# by service lookup, which jdeps cannot see.
extra=jdk.charsets,jdk.naming.dns,jdk.zipfs
if [ -d "$jdk/jmods" ] && [ -f "$jdk/jmods/jdk.crypto.ec.jmod" ]; then extra="$extra,jdk.crypto.ec"; fi
echo "meshctl dist: modules $modules,$extra"
# lib/modules is left uncompressed: the tarball is gzipped anyway, and start-up reads it.
# A JDK with an AOT cache (24+) gets one trained on meshctl below, which holds the JDK's classes
# too; an older one keeps the default CDS archive of its own classes.
if "$jdk/bin/java" -XX:AOTMode=off -version >/dev/null 2>&1; then aot=true; cds=""; else aot=false; cds=--generate-cds-archive; fi
strip=--strip-debug
if command -v objcopy >/dev/null; then
  strip="--strip-java-debug-attributes --strip-native-debug-symbols=objcopy=$(command -v objcopy)"
fi
# shellcheck disable=SC2086
"$jdk/bin/jlink" --add-modules "$modules,$extra" $strip --no-header-files --no-man-pages \
  $cds --output "$STAGE/runtime" 2>&1 | grep -v -i 'deprecated' || true
[ -x "$STAGE/runtime/bin/java" ] || { echo "meshctl dist: jlink made no runtime" >&2; exit 1; }

install -m 0755 "$here/meshctl-launcher.sh" "$STAGE/bin/meshctl"

"$STAGE/bin/meshctl" completion bash > "$STAGE/share/bash-completion/completions/meshctl"
"$STAGE/bin/meshctl" completion zsh > "$STAGE/share/zsh/site-functions/_meshctl"

"$STAGE/runtime/bin/java" -cp "$APP_JAR:$CODEGEN_CLASSPATH:$DIST_CLASSES" dev.meshctl.dist.ManPages "$MAN_ADOC" >/dev/null

cp "$REPO_ROOT/README.md" "$STAGE/share/doc/meshctl/README.md"
cp -r "$NOTICES"/. "$STAGE/share/doc/meshctl/"
cp -r "$REPO_ROOT/examples" "$STAGE/share/doc/meshctl/examples"

# The AOT cache: classes loaded, linked and profiled by a real run of the commands users start
# most, stored beside the jar; the JVM maps it at start instead of loading those classes again.
if [ "$aot" = true ]; then
  # The cache remembers the jar's modification time and is refused if it differs: the jar gets
  # the time the tarball gives every file (pack.sh), which tar restores on unpacking.
  touch -d "@$(source_epoch)" "$STAGE/lib/app/meshctl.jar"
  train="$(mktemp -d)"
  cp -r "$REPO_ROOT/examples/local/." "$train/"
  (cd "$train" && MESHCTL_TRAIN_AOT="$STAGE/lib/app/meshctl.aot" MESHCTL_SIM_PASSWORD=training \
     MESHCTL_KEYSET_TOKEN=training "$STAGE/bin/meshctl" validate mesh.yaml >/dev/null 2>&1) || true
  rm -rf "$train"
  [ -s "$STAGE/lib/app/meshctl.aot" ] || { echo "meshctl dist: no AOT cache was written" >&2; exit 1; }
else
  # A JDK before 24 has no AOT cache, and its CDS archives are tied to the jar's absolute path.
  echo "meshctl dist: $jdk has no AOT cache; the runtime's own CDS archive is used alone"
fi
