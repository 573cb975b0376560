#!/usr/bin/env bash
# Installs Remapper on macOS as a LaunchDaemon: the Native AOT binary, the launchd plist, the default keymap (to
# /etc/remapper/config.toml only if there is none yet). Idempotent: run it again to upgrade. Needs the
# Karabiner-DriverKit-VirtualHIDDevice driver for output (see docs/macos.md); the script says if it is missing.
#
#   sudo packaging/macos/install.sh                 build (dotnet publish, Native AOT, this Mac's arch) and install
#   sudo packaging/macos/install.sh --uninstall     stop the daemon and remove what install put there (keeps the keymap)
#
# Options:
#   --arch arm64|x64  the architecture to publish for (default: this Mac's, from uname -m)
#   --binary PATH     install this prebuilt remapper binary instead of publishing one
#   --keymap PATH     the default keymap to ship (default: config/default.toml of this repository)
#   --destdir DIR     stage into DIR instead of / (packaging, tests): no launchctl, no root needed
#   --uninstall       remove the installed files (and unload the daemon)
#   --purge           with --uninstall: also remove /etc/remapper
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
label=org.remapper.daemon
bindir=/usr/local/bin
sharedir=/usr/local/share/remapper
daemondir=/Library/LaunchDaemons
confdir=/etc/remapper
logfile=/var/log/remapper.log
driver_daemon="/Library/Application Support/org.pqrs/Karabiner-DriverKit-VirtualHIDDevice/Applications/Karabiner-VirtualHIDDevice-Daemon.app"
arch=""

# shellcheck source=../install-common.sh
. "$here/../install-common.sh"

platform_option() {
    case "$1" in
        --arch) need_value "arm64 or x64" "$@"; arch="$2"; consumed=2 ;;
        *) return 1 ;;
    esac
}

parse_options "$@"

destdir="${destdir%/}"
live=no
[ -z "$destdir" ] && live=yes

if [ "$live" = yes ]; then
    [ "$(uname -s)" = Darwin ] || die "this installs on macOS; on Linux use packaging/install.sh (or --destdir to stage)"
    [ "$(id -u)" -eq 0 ] || die "installing to / needs root: run it with sudo (or use --destdir to stage elsewhere)"
fi

case "$arch" in
    "") case "$(uname -m)" in arm64|aarch64) arch=arm64 ;; *) arch=x64 ;; esac ;;
    arm64|x64) ;;
    *) die "--arch must be arm64 or x64, not '$arch'" ;;
esac

uninstall() {
    if [ "$live" = yes ]; then
        launchctl bootout "system/$label" 2>/dev/null || true
    fi
    rm -f "$destdir$bindir/remapper" "$destdir$daemondir/$label.plist" "$destdir$sharedir/default.toml"
    rmdir "$destdir$sharedir" 2>/dev/null || true
    if [ "$purge" = yes ]; then
        rm -rf "$destdir$confdir"
        rm -f "$destdir$logfile"
    fi
    if [ "$purge" = yes ]; then echo "removed Remapper and $confdir"; else echo "removed Remapper (kept $confdir)"; fi
}

if [ "$action" = uninstall ]; then
    uninstall
    exit 0
fi

require_inputs "osx-$arch"

install -d "$destdir$bindir" "$destdir$sharedir" "$destdir$daemondir" "$destdir$confdir"
install -m 0755 "$binary" "$destdir$bindir/remapper"
install -m 0644 "$keymap" "$destdir$sharedir/default.toml"
# launchd refuses a plist that is not owned by root and writable by others; install sets both.
install -m 0644 "$here/$label.plist" "$destdir$daemondir/$label.plist"
if [ ! -e "$destdir$confdir/config.toml" ]; then
    install -m 0644 "$keymap" "$destdir$confdir/config.toml"
    echo "installed the default keymap to $confdir/config.toml"
fi

if [ "$live" = yes ]; then
    chown root:wheel "$daemondir/$label.plist"
    if [ ! -d "$driver_daemon" ]; then
        echo "warning: the Karabiner-DriverKit-VirtualHIDDevice driver is not installed, so Remapper cannot type yet;" >&2
        echo "         install it (docs/macos.md, \"The virtual keyboard driver\"); Remapper picks it up once its daemon runs." >&2
    fi
    launchctl bootout "system/$label" 2>/dev/null || true
    launchctl bootstrap system "$daemondir/$label.plist"
    echo "started $label; grant Input Monitoring to $bindir/remapper when macOS asks (docs/macos.md)"
else
    echo "staged Remapper under $destdir"
fi
