#!/usr/bin/env bash
# Installs Remapper as a system service: the Native AOT binary, the systemd unit, the udev rules, the default
# keymap (to /etc/remapper/config.toml only if there is none yet), the man pages and shell completions.
# Or, with --user, for you alone without root. Idempotent: run it again to upgrade.
#
#   sudo packaging/install.sh                 build (dotnet publish, Native AOT) and install under /usr/local
#   sudo packaging/install.sh --uninstall     remove what install put there (keeps /etc/remapper/config.toml)
#   packaging/install.sh --user               the binary in ~/.local/bin, a systemd user unit, the tray's autostart,
#                                             your starter keymap; prints the root commands it still needs
#   packaging/install.sh --user --uninstall   remove them again (keeps ~/.config/remapper/config.toml)
#
# Options:
#   --prefix DIR     where bin/ and share/ go (default /usr/local)
#   --destdir DIR    stage into DIR instead of / (packaging, tests): no users, udevadm or systemctl
#   --binary PATH    install this prebuilt remapper binary instead of publishing one
#   --keymap PATH    the default keymap to ship (default: config/default.toml of this repository)
#   --user           install for the user running it (no root; see above)
#   --uninstall      remove the installed files (and stop/disable the service)
#   --purge          with --uninstall: also remove /etc/remapper (with --user: ~/.config/remapper)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
prefix=/usr/local
mode=system

# shellcheck source=install-common.sh
. "$here/install-common.sh"

platform_option() {
    case "$1" in
        --prefix) need_value "a directory" "$@"; prefix="$2"; consumed=2 ;;
        --user) mode=user; consumed=1 ;;
        *) return 1 ;;
    esac
}

parse_options "$@"

# The man pages and completions, written by the installed binary from its own command definitions.
install_reference() {
    local bin="$1" mandir="$2" bashdir="$3" zshdir="$4" fishdir="$5"
    install -d -m 0755 "$mandir/man1" "$mandir/man5" "$bashdir" "$zshdir" "$fishdir"
    "$bin" man > "$mandir/man1/remapper.1"
    install -m 0644 "$here/man/remapper-keymap.5" "$mandir/man5/remapper-keymap.5"
    "$bin" completion bash > "$bashdir/remapper"
    "$bin" completion zsh > "$zshdir/_remapper"
    "$bin" completion fish > "$fishdir/remapper.fish"
    chmod 0644 "$mandir/man1/remapper.1" "$bashdir/remapper" "$zshdir/_remapper" "$fishdir/remapper.fish"
}

remove_reference() {
    rm -f "$1/man1/remapper.1" "$1/man5/remapper-keymap.5" "$2/remapper" "$3/_remapper" "$4/remapper.fish"
}

# --user: everything under your home, nothing that needs root; what does need root is printed, not done.
if [ "$mode" = user ]; then
    # (Staging with --destdir is fine as root: that is how the tests and packagers use it.)
    [ "$(id -u)" -ne 0 ] || [ -n "$destdir" ] || die "--user installs for the user running it: run it without sudo"
    [ -n "${HOME:-}" ] || die "--user needs \$HOME"
    home="${destdir%/}$HOME"
    config_home="${XDG_CONFIG_HOME:-$HOME/.config}"; config_home="${destdir%/}$config_home"
    data_home="${XDG_DATA_HOME:-$HOME/.local/share}"; data_home="${destdir%/}$data_home"
    ubin="$home/.local/bin"
    ushare="$home/.local/share/remapper"   # beside ~/.local/bin, where the binary looks for the shipped default
    uunit="$config_home/systemd/user"
    uautostart="$config_home/autostart"
    uman="$data_home/man"; ubash="$data_home/bash-completion/completions"; uzsh="$data_home/zsh/site-functions"
    ufish="$config_home/fish/completions"
    user_systemd() { [ -z "$destdir" ] && have systemctl && systemctl --user show-environment >/dev/null 2>&1; }

    if [ "$action" = uninstall ]; then
        if user_systemd; then systemctl --user disable --now remapper.service >/dev/null 2>&1 || true; fi
        rm -f "$ubin/remapper" "$uunit/remapper.service" "$uautostart/remapper-tray.desktop" "$ushare/default.toml"
        rm -rf "$ushare/icons"
        rmdir "$ushare" 2>/dev/null || true
        remove_reference "$uman" "$ubash" "$uzsh" "$ufish"
        if user_systemd; then systemctl --user daemon-reload || true; fi
        if [ "$purge" = yes ]; then
            rm -rf "$config_home/remapper"
            echo "Remapper uninstalled from $home, your keymap removed"
        else
            echo "Remapper uninstalled from $home (your keymap in $config_home/remapper is kept; --purge removes it)"
        fi
        exit 0
    fi

    require_inputs
    install -D -m 0755 "$binary" "$ubin/remapper"
    install -D -m 0644 "$keymap" "$ushare/default.toml"
    install -D -m 0644 "$here/systemd/remapper-user.service" "$uunit/remapper.service"
    install -D -m 0644 "$here/autostart/remapper-tray.desktop" "$uautostart/remapper-tray.desktop"
    sed -i "s|^Exec=remapper tray|Exec=$HOME/.local/bin/remapper tray|" "$uautostart/remapper-tray.desktop"
    rm -rf "$ushare/icons"
    install -d -m 0755 "$ushare/icons"
    cp -R "$repo/src/Remapper.Tray/Icons/hicolor" "$ushare/icons/"
    install_reference "$ubin/remapper" "$uman" "$ubash" "$uzsh" "$ufish"
    # Your own keymap, unless you have one: the starter, commented (never overwritten).
    if [ -e "$config_home/remapper/config.toml" ]; then
        echo "Keeping your keymap $config_home/remapper/config.toml"
    else
        XDG_CONFIG_HOME="$config_home" "$ubin/remapper" init >/dev/null 2>&1 || true
    fi
    if user_systemd; then systemctl --user daemon-reload || true; fi

    echo "$("$ubin/remapper" --version 2>/dev/null || echo remapper) installed to $ubin"
    case ":$PATH:" in *":$HOME/.local/bin:"*) ;; *) echo "Add ~/.local/bin to your PATH (e.g. in ~/.profile): export PATH=\"\$HOME/.local/bin:\$PATH\"" ;; esac
    echo
    echo "Once, as root, so that you may read keyboards and create the virtual keyboard:"
    echo "  sudo install -m 0644 $here/udev/60-remapper.rules /etc/udev/rules.d/60-remapper.rules"
    echo "  sudo groupadd --force --system remapper"
    echo "  sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=misc"
    echo "  sudo usermod -aG input,remapper ${USER:-$(id -un)}      # then log out and in again"
    echo
    echo "Start it now and at every login:  systemctl --user enable --now remapper"
    echo "Check it:                         remapper status    (or: journalctl --user -u remapper -f)"
    echo "Edit your keymap:                 remapper edit      (reloaded on save)"
    echo "zsh: add ${uzsh#"$destdir"} to your fpath for completion; bash and fish find theirs."
    exit 0
fi

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

systemd_running() { [ "$live" = yes ] && [ -d /run/systemd/system ] && have systemctl; }

uninstall() {
    if systemd_running; then
        systemctl disable --now remapper.service >/dev/null 2>&1 || true
    fi
    rm -f "$destdir$bindir/remapper" "$destdir$unitdir/remapper.service" "$destdir$rulesdir/60-remapper.rules" \
          "$destdir$sysusersdir/remapper.conf" "$destdir$sharedir/default.toml" \
          "$destdir$autostartdir/remapper-tray.desktop"
    rm -rf "$destdir$iconsdir"
    remove_reference "$destdir$prefix/share/man" "$destdir$prefix/share/bash-completion/completions" \
        "$destdir$prefix/share/zsh/site-functions" "$destdir$prefix/share/fish/vendor_completions.d"
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

install_files() {
    require_inputs

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
    install_reference "$destdir$bindir/remapper" "$destdir$prefix/share/man" "$destdir$prefix/share/bash-completion/completions" \
        "$destdir$prefix/share/zsh/site-functions" "$destdir$prefix/share/fish/vendor_completions.d"
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

    echo "$("$destdir$bindir/remapper" --version 2>/dev/null || echo remapper) installed to ${destdir:-/}"
    if [ "$live" = yes ]; then
        echo "Start it now and at every boot:  sudo systemctl enable --now remapper"
        echo "Check it:                        remapper status    (or: journalctl -u remapper -f)"
        echo "Edit the keymap:                 sudoedit $confdir/config.toml   (reloaded on save)"
        echo "Let a user talk to the daemon:   sudo usermod -aG remapper USER   (status, reload, the tray; log in again)"
    fi
}

if [ "$action" = uninstall ]; then uninstall; else install_files; fi
