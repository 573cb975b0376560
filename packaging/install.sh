#!/usr/bin/env bash
# Installs Remapper as a system service: the Native AOT binary, the systemd unit, the udev rules, the default
# keymap (to /etc/remapper/config.toml only if there is none yet). Idempotent: run it again to upgrade.
#
#   sudo packaging/install.sh                 build (dotnet publish, Native AOT) and install under /usr/local
#   sudo packaging/install.sh --uninstall     remove what install put there (keeps /etc/remapper/config.toml)
#
# Options:
#   --prefix DIR     where bin/ and share/ go (default /usr/local)
#   --destdir DIR    stage into DIR instead of / (packaging, tests): no users, udevadm or systemctl
#   --binary PATH    install this prebuilt remapper binary instead of publishing one
#   --keymap PATH    the default keymap to ship (default: config/default.toml of this repository)
#   --uninstall      remove the installed files (and stop/disable the service)
#   --purge          with --uninstall: also remove /etc/remapper
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
prefix=/usr/local
destdir=""
binary=""
keymap="$repo/config/default.toml"
action=install
purge=no

die() { echo "install.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
        --destdir) destdir="${2:?--destdir needs a directory}"; shift 2 ;;
        --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
        --keymap) keymap="${2:?--keymap needs a path}"; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        --purge) purge=yes; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (try --help)" ;;
    esac
done

prefix="${prefix%/}"
destdir="${destdir%/}"
bindir="$prefix/bin"
sharedir="$prefix/share/remapper"
# A /usr prefix is a distribution-style install: units and rules go under /usr/lib. Anything else is local: /etc.
if [ "$prefix" = /usr ]; then
    unitdir=/usr/lib/systemd/system
    rulesdir=/usr/lib/udev/rules.d
    sysusersdir=/usr/lib/sysusers.d
else
    unitdir=/etc/systemd/system
    rulesdir=/etc/udev/rules.d
    sysusersdir=/etc/sysusers.d
fi
confdir=/etc/remapper
autostartdir=/etc/xdg/autostart
# The tray's icons, as a hicolor tree the tray finds under PREFIX/share/remapper/icons.
iconsdir="$sharedir/icons"
live=no
[ -z "$destdir" ] && live=yes

if [ "$live" = yes ] && [ "$(id -u)" -ne 0 ]; then
    die "installing to / needs root: run it with sudo (or use --destdir to stage elsewhere)"
fi

have() { command -v "$1" >/dev/null 2>&1; }
systemd_running() { [ "$live" = yes ] && [ -d /run/systemd/system ] && have systemctl; }

uninstall() {
    if systemd_running; then
        systemctl disable --now remapper.service >/dev/null 2>&1 || true
    fi
    rm -f "$destdir$bindir/remapper" "$destdir$unitdir/remapper.service" "$destdir$rulesdir/60-remapper.rules" \
          "$destdir$sysusersdir/remapper.conf" "$destdir$sharedir/default.toml" \
          "$destdir$autostartdir/remapper-tray.desktop"
    rm -rf "$destdir$iconsdir"
    rmdir "$destdir$sharedir" 2>/dev/null || true
    if [ "$purge" = yes ]; then
        rm -rf "$destdir$confdir"
    fi
    if [ "$live" = yes ]; then
        have systemctl && systemctl daemon-reload 2>/dev/null || true
        have udevadm && udevadm control --reload-rules 2>/dev/null || true
    fi
    if [ "$purge" = yes ]; then
        echo "Remapper uninstalled, $confdir removed"
    else
        echo "Remapper uninstalled (your keymap in $confdir is kept; --purge removes it)"
    fi
}

build() {
    have dotnet || die "dotnet not found: install the .NET 10 SDK, or pass a prebuilt binary with --binary"
    local out
    out="$(mktemp -d)"
    echo "Publishing remapper (Native AOT) ..."
    dotnet publish "$repo/src/Remapper.Cli" -c Release -p:PublishAot=true -o "$out" >&2
    binary="$out/remapper"
}

install_files() {
    [ -f "$keymap" ] || die "default keymap $keymap not found (pass --keymap)"
    [ -n "$binary" ] || build
    [ -x "$binary" ] || die "$binary is not an executable"

    install -D -m 0755 "$binary" "$destdir$bindir/remapper"
    install -d -m 0755 "$destdir$unitdir" "$destdir$rulesdir" "$destdir$sysusersdir" "$destdir$sharedir"
    # The unit names the binary's real path.
    sed "s|^ExecStart=/usr/local/bin/remapper |ExecStart=$bindir/remapper |" "$here/systemd/remapper.service" \
        > "$destdir$unitdir/remapper.service.tmp"
    chmod 0644 "$destdir$unitdir/remapper.service.tmp"
    mv -f "$destdir$unitdir/remapper.service.tmp" "$destdir$unitdir/remapper.service"
    install -m 0644 "$here/udev/60-remapper.rules" "$destdir$rulesdir/60-remapper.rules"
    install -m 0644 "$here/systemd/remapper.sysusers" "$destdir$sysusersdir/remapper.conf"
    install -m 0644 "$keymap" "$destdir$sharedir/default.toml"
    # The tray: started in every desktop session (XDG autostart), with its icons.
    install -D -m 0644 "$here/autostart/remapper-tray.desktop" "$destdir$autostartdir/remapper-tray.desktop"
    sed -i "s|^Exec=remapper tray|Exec=$bindir/remapper tray|" "$destdir$autostartdir/remapper-tray.desktop"
    rm -rf "$destdir$iconsdir"
    install -d -m 0755 "$destdir$iconsdir"
    cp -R "$repo/src/Remapper.Tray/Icons/hicolor" "$destdir$iconsdir/"
    find "$destdir$iconsdir" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
    install -d -m 0755 "$destdir$confdir"
    if [ -e "$destdir$confdir/config.toml" ]; then
        echo "Keeping your keymap $confdir/config.toml"
    else
        install -m 0644 "$keymap" "$destdir$confdir/config.toml"
    fi

    if [ "$live" = yes ]; then
        getent group remapper >/dev/null || groupadd --system remapper
        id -u remapper >/dev/null 2>&1 || useradd --system --gid remapper --no-create-home \
            --home-dir /nonexistent --shell /usr/sbin/nologin --comment "Remapper keyboard daemon" remapper
        if have udevadm; then
            udevadm control --reload-rules || true
            udevadm trigger --subsystem-match=misc --sysname-match=uhid --sysname-match=uinput || true
        fi
        have systemctl && systemctl daemon-reload 2>/dev/null || true
    fi

    echo "Remapper $("$destdir$bindir/remapper" --version 2>/dev/null || echo "") installed to ${destdir:-/}"
    if [ "$live" = yes ]; then
        echo "Start it now and at every boot:  sudo systemctl enable --now remapper"
        echo "Check it:                        remapper status    (or: journalctl -u remapper -f)"
        echo "Edit the keymap:                 sudoedit $confdir/config.toml   (reloaded on save)"
    fi
}

if [ "$action" = uninstall ]; then uninstall; else install_files; fi
