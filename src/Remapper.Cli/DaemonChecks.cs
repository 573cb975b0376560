using System.Diagnostics;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Linux.Probe;

namespace Remapper.Cli;

/// <summary>`remapper doctor`'s questions about Remapper's own daemon: does one answer, and what systemd says of the unit.</summary>
internal static class DaemonChecks
{
    public static IEnumerable<SystemCheck> Run(string? socket)
    {
        using (var client = IpcClient.TryConnect(SocketLocator.ForClient(socket), out var problem, out var notRunning))
        {
            yield return client is not null
                ? new SystemCheck("daemon", CheckState.Ok, $"running, answering on {client.Path} (`remapper status` shows what it does)")
                : notRunning
                    ? new SystemCheck("daemon", CheckState.Info, $"not running: {problem}",
                        "start it: `remapper run` in a terminal, `systemctl --user enable --now remapper` (install.sh --user) " +
                        "or `sudo systemctl enable --now remapper` for the system service")
                    // Running, but not for us: "start it" would be wrong advice.
                    : new SystemCheck("daemon", CheckState.Info, problem);
        }
        if (UnitState() is { } unit)
        {
            yield return unit == "active"
                ? new SystemCheck("systemd unit", CheckState.Ok, "remapper.service is active")
                : new SystemCheck("systemd unit", CheckState.Info, $"remapper.service is {unit}",
                    "`sudo systemctl enable --now remapper` (after `sudo packaging/install.sh`); `journalctl -u remapper` says why it stopped");
        }
    }

    /// <summary>`systemctl is-active remapper.service`, or null where systemd does not run.</summary>
    private static string? UnitState()
    {
        if (!Directory.Exists("/run/systemd/system")) return null;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("systemctl", ["is-active", "remapper.service"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return null;
            var state = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(5000) && state.Length > 0 ? state : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no systemctl
        }
    }
}
