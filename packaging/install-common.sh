# Sourced by packaging/install.sh (Linux) and packaging/macos/install.sh: what both installers share, so an option
# means the same in both. Before sourcing, a script sets `repo` and its defaults; it may define
#   platform_option ARGS...   handle an option of its own: set `consumed` (1 or 2) and return 0, or return 1
# and then calls `parse_options "$@"`.
#
# Common options: --binary PATH, --keymap PATH, --destdir DIR, --uninstall, --purge, -h/--help (prints the
# script's header comment).

binary=""
keymap="$repo/config/default.toml"
destdir=""
action=install
purge=no

die() { echo "install.sh: $*" >&2; exit 2; }

have() { command -v "$1" >/dev/null 2>&1; }

# The comment block at the top of the script that is running, without the #! line and the comment marks.
usage() { awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }

# need_value WHAT OPTION ARGS...: dies, naming WHAT the option needs, unless a non-empty value follows it.
need_value() { local what="$1"; shift; [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs $what"; }

parse_options() {
    while [ $# -gt 0 ]; do
        case "$1" in
            --binary) need_value "a path" "$@"; binary="$2"; shift 2 ;;
            --keymap) need_value "a path" "$@"; keymap="$2"; shift 2 ;;
            --destdir) need_value "a directory" "$@"; destdir="$2"; shift 2 ;;
            --uninstall) action=uninstall; shift ;;
            --purge) purge=yes; shift ;;
            -h|--help) usage; exit 0 ;;
            *)
                consumed=0
                if declare -F platform_option >/dev/null && platform_option "$@"; then shift "$consumed"
                else die "unknown option '$1' (try --help)"; fi
                ;;
        esac
    done
}

# Publishes the Native AOT remapper (for RID, when given) into a new temporary directory and sets `binary` to it.
publish_remapper() {
    have dotnet || die "dotnet not found: install the .NET 10 SDK, or pass a prebuilt binary with --binary"
    local out rid=()
    out="$(mktemp -d)"
    [ -z "${1-}" ] || rid=(-r "$1")
    echo "Publishing remapper (Native AOT${1:+, $1}) ..."
    dotnet publish "$repo/src/Remapper.Cli" -c Release "${rid[@]}" -p:PublishAot=true -o "$out" >&2
    binary="$out/remapper"
}

# The keymap to ship exists, and a binary to install (publishing one when none was given).
require_inputs() {
    [ -f "$keymap" ] || die "default keymap $keymap not found (pass --keymap)"
    [ -n "$binary" ] || publish_remapper "${1-}"
    [ -x "$binary" ] || die "$binary is not an executable"
}
