namespace Remapper.E2E.Harness;

/// <summary>
/// The two shell scripts that make the guest: <c>/init</c> (busybox, PID 1: mounts, modules, then the server)
/// and the command server (the host's own /bin/sh inside a chroot of the host root).
/// </summary>
internal static class GuestScripts
{
    /// <summary>Printed by /init when set-up fails, so the host fails at once with the reason instead of timing out.</summary>
    public const string InitFailedMarker = "E2E-INIT-FAILED:";

    /// <summary>Where the writable exchange share is mounted inside the guest (a tmpfs over the host's /tmp holds it).</summary>
    public const string GuestExchangeDir = "/tmp/xchg";

    public const string ServerScriptName = "server.sh";

    /// <summary>PID 1. Module names are file names without .ko, already in dependency order.</summary>
    public static string Init(IEnumerable<string> modules) => $$"""
        #!/bin/busybox sh
        # PID 1 of the Remapper e2e guest: mount, load modules, run the command server, power off.
        B=/bin/busybox
        fail() { echo "{{InitFailedMarker}} $*"; $B sleep 1; $B poweroff -f; }
        $B mount -t proc proc /proc || fail "mount /proc"
        $B mount -t devtmpfs dev /dev || fail "mount /dev"
        # Keep kernel messages off the console: it carries the command protocol.
        echo "1 4 1 7" > /proc/sys/kernel/printk
        for m in {{string.Join(' ', modules)}}; do
          $B insmod /lib/modules/$m.ko || fail "insmod $m"
        done
        $B mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 hostroot /host || fail "mount the host root over 9p"
        $B mount -t proc proc /host/proc || fail "mount /host/proc"
        $B mount -t sysfs sys /host/sys || fail "mount /host/sys"
        $B mount -t devtmpfs dev /host/dev || fail "mount /host/dev"
        $B mount -t tmpfs -o mode=1777 tmp /host/tmp || fail "mount /host/tmp"
        $B mount -t tmpfs -o mode=755 run /host/run || fail "mount /host/run"
        $B mkdir -p /host{{GuestExchangeDir}}
        $B mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 xchg /host{{GuestExchangeDir}} || fail "mount the exchange share"
        [ -f /host{{GuestExchangeDir}}/{{ServerScriptName}} ] || fail "no {{ServerScriptName}} in the exchange share"
        $B chroot /host /bin/sh {{GuestExchangeDir}}/{{ServerScriptName}}
        $B poweroff -f

        """;

    /// <summary>
    /// The command server. It reads one short line per request from the serial console (<c>run ID</c>,
    /// <c>kill ID SIGNAL</c>); the command itself, its output and its pid travel as files in the exchange share.
    /// Each job runs in its own session (so a signal reaches its whole process group) with default signal
    /// dispositions (a background job of a non-interactive shell would otherwise start with SIGINT ignored).
    /// Results come back as lines <c>@@NONCE started ID</c> and <c>@@NONCE done ID EXIT</c>.
    /// </summary>
    public static string Server(string nonce) => $$"""
        #!/bin/sh
        export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8
        X={{GuestExchangeDir}}
        M="@@{{nonce}}"
        stty -echo 2>/dev/null
        echo "$M ready"
        while read -r op id arg; do
          case "$op" in
            run)
              ( setsid env --default-signal sh "$X/job-$id.sh" > "$X/job-$id.out" 2>&1 < /dev/null &
                echo $! > "$X/job-$id.pid"
                echo "$M started $id"
                wait $!
                echo "$M done $id $?" ) &
              ;;
            kill)
              pid=$(cat "$X/job-$id.pid" 2>/dev/null) && kill -s "$arg" -- "-$pid" 2>/dev/null
              ;;
            quit)
              break
              ;;
          esac
        done

        """;
}
