#!/usr/bin/env bash
# Packs the staged tree: gzipped man pages, a reproducible tarball, the .deb when asked for, and
# SHA256SUMS over what was made.
# Inputs (environment): STAGE VERSION TARBALL OUT DIST_DEB
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ls "$STAGE"/share/man/man1/*.1 >/dev/null 2>&1 || { echo "meshctl dist: no man pages were made" >&2; exit 1; }
gzip -9nf "$STAGE"/share/man/man1/*.1

# Same inputs, same bytes: fixed owner, order and times (SOURCE_DATE_EPOCH if set).
. "$here/dist-jdk.sh"
epoch="$(source_epoch)"
top="$(basename "$STAGE")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C "$(dirname "$STAGE")" -cf - "$top" | gzip -9n > "$TARBALL"
made=("$(basename "$TARBALL")")

if [ "${DIST_DEB:-false}" = "true" ]; then
  # A Debian package of the same tree, laid out as Debian places things: the tree under
  # /usr/lib/meshctl, the command on PATH, man pages, completions and docs where tools look.
  root="$(mktemp -d)"; trap 'rm -rf "$root"' EXIT
  chmod 0755 "$root"
  mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share"
  cp -a "$STAGE" "$root/usr/lib/meshctl"
  ln -s ../lib/meshctl/bin/meshctl "$root/usr/bin/meshctl"
  mv "$root/usr/lib/meshctl/share/man" "$root/usr/share/man"
  mv "$root/usr/lib/meshctl/share/doc" "$root/usr/share/doc"
  mkdir -p "$root/usr/share/zsh/vendor-completions"
  mv "$root/usr/lib/meshctl/share/bash-completion" "$root/usr/share/bash-completion"
  mv "$root/usr/lib/meshctl/share/zsh/site-functions/_meshctl" "$root/usr/share/zsh/vendor-completions/_meshctl"
  rm -rf "$root/usr/lib/meshctl/share"
  version="${VERSION/-SNAPSHOT/~snapshot}"
  cat > "$root/DEBIAN/control" <<CONTROL
Package: meshctl
Version: $version
Section: net
Priority: optional
Architecture: amd64
Maintainer: meshctl <meshctl@users.noreply.github.com>
Installed-Size: $(du -sk "$root/usr" | cut -f1)
Depends: libc6, zlib1g
Description: VNS3 controller peering meshes as code
 meshctl reads a mesh.yaml, diffs it against the live VNS3 controllers, plans the
 work as a dependency graph and applies it; it carries its own Java runtime.
CONTROL
  find "$root" -exec touch -h -d "@$epoch" {} +
  deb="meshctl_${version}_amd64.deb"
  SOURCE_DATE_EPOCH="$epoch" dpkg-deb --root-owner-group -Zgzip --build "$root" "$OUT/$deb" >/dev/null
  made+=("$deb")
fi

(cd "$OUT" && sha256sum "${made[@]}" > SHA256SUMS)
echo "meshctl dist: $(cd "$OUT" && cat SHA256SUMS)"
