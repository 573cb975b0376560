#!/usr/bin/env bash
# Builds remapper_VERSION_ARCH.deb with dpkg-deb from the same files install.sh installs.
# The version comes from packaging/VERSION (the single place it is written).
#
#   packaging/deb/build-deb.sh [--binary PATH] [--keymap PATH] [--out DIR]
#
#   --binary PATH   a prebuilt remapper binary (default: publish one with Native AOT)
#   --keymap PATH   the default keymap (default: config/default.toml)
#   --out DIR       where the .deb goes (default: artifacts/ in the repository); its path is printed last
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packaging="$(cd "$here/.." && pwd)"
repo="$(cd "$packaging/.." && pwd)"
binary=""
keymap="$repo/config/default.toml"
out="$repo/artifacts"

die() { echo "build-deb.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="${2:?}"; shift 2 ;;
        --keymap) keymap="${2:?}"; shift 2 ;;
        --out) out="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1'" ;;
    esac
done

command -v dpkg-deb >/dev/null || die "dpkg-deb not found (apt-get install dpkg)"
version="$(tr -d ' \n' < "$packaging/VERSION")"
[[ "$version" =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || die "packaging/VERSION holds '$version', not a Debian version"
arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/root"

args=(--prefix /usr --destdir "$root" --keymap "$keymap")
[ -n "$binary" ] && args+=(--binary "$binary")
"$packaging/install.sh" "${args[@]}" >/dev/null

install -d -m 0755 "$root/DEBIAN" "$root/usr/share/doc/remapper"
for doc in service.md ipc.md keymap.md cli.md; do
    [ -f "$repo/docs/$doc" ] && install -m 0644 "$repo/docs/$doc" "$root/usr/share/doc/remapper/$doc"
done
installed_kb="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"

cat > "$root/DEBIAN/control" <<CONTROL
Package: remapper
Version: $version
Architecture: $arch
Maintainer: Remapper developers <remapper@localhost>
Section: utils
Priority: optional
Installed-Size: $installed_kb
Depends: libc6
Recommends: systemd, udev
Homepage: https://github.com/remapper/remapper
Description: keyboard remapping daemon
 Remapper seizes the keyboards of a machine, runs every key through the rules
 of a TOML keymap (layers, tap-hold, combos, Karabiner-style rules) and types
 the result through a virtual HID keyboard. When a keyboard cannot be seized
 it says which, why and how to fix it. Edit /etc/remapper/config.toml; the
 service reloads it on save.
CONTROL

# Everything under /etc is the admin's to edit, so dpkg must not overwrite it on upgrade.
printf '%s\n' /etc/remapper/config.toml /etc/xdg/autostart/remapper-tray.desktop > "$root/DEBIAN/conffiles"

cat > "$root/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    getent group remapper >/dev/null || groupadd --system remapper
    id -u remapper >/dev/null 2>&1 || useradd --system --gid remapper --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin --comment "Remapper keyboard daemon" remapper
    if command -v udevadm >/dev/null 2>&1; then
        udevadm control --reload-rules 2>/dev/null || true
        udevadm trigger --subsystem-match=misc --sysname-match=uhid --sysname-match=uinput 2>/dev/null || true
    fi
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
        systemctl try-restart remapper.service || true
    fi
    echo "remapper: start it with 'sudo systemctl enable --now remapper'; edit /etc/remapper/config.toml"
fi
exit 0
SCRIPT

cat > "$root/DEBIAN/prerm" <<'SCRIPT'
#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    systemctl disable --now remapper.service >/dev/null 2>&1 || true
fi
exit 0
SCRIPT

cat > "$root/DEBIAN/postrm" <<'SCRIPT'
#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
if command -v udevadm >/dev/null 2>&1; then udevadm control --reload-rules 2>/dev/null || true; fi
exit 0
SCRIPT
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"

mkdir -p "$out"
deb="$out/remapper_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "$deb"
