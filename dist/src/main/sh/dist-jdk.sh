# The JDK whose jlink makes the runtime: DIST_JDK if set, else a JDK 25 in the usual place
# (its AOT cache stays valid wherever the tarball is unpacked), else the one running the build.
dist_jdk() {
  if [ -n "${DIST_JDK:-}" ]; then echo "$DIST_JDK"; return; fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -x "$d/bin/jlink" ]; then echo "$d"; return; fi
  done
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v javac)")")"
}

# The time every packed file carries: SOURCE_DATE_EPOCH if set, else the last commit's time.
source_epoch() {
  echo "${SOURCE_DATE_EPOCH:-$(git -C "$(dirname "${BASH_SOURCE[0]}")" log -1 --format=%ct 2>/dev/null || echo 0)}"
}
