using System.CommandLine;
using Remapper.Backend;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper status [--json]</c>: what the running daemon is doing, and what is wrong if anything.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var socket = DaemonConnection.SocketOption();
        var json = new Option<bool>("--json")
        {
            Description = "Print the daemon's status object as JSON (schema: docs/ipc.md, command `status`).",
        };
        var command = new Command("status",
            "Show the running daemon: its state, the keymap it runs and whether the last load worked (with every " +
            "error as file:line:col), every keyboard with its state and the fix when one is refused, and the virtual " +
            "output keyboard. Exit code 0 when running, 1 when the keymap is invalid, 4 when degraded (a keyboard or the " +
            "output device is not working), 5 when paused, 3 when no daemon is running.");
        command.Options.Add(socket);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var client = DaemonConnection.Connect(parse, parse.GetValue(socket), "status", out var exit, parse.GetValue(json));
            if (client is null) return exit;
            IpcResponse response;
            StatusResult status;
            try
            {
                response = client.Request("status");
                if (DaemonConnection.Fail(parse, "status", response) is { } failed) return failed;
                status = IpcClient.Result(response, IpcJsonContext.Default.StatusResult);
            }
            catch (Exception e) when (DaemonConnection.IsWireError(e))
            {
                return DaemonConnection.Broken(parse, "status", e);
            }
            if (parse.GetValue(json)) DaemonConnection.WriteJson(parse.Out(), response.Result!.Value);
            else Print(parse.Out(), status);
            return ExitCodeOf(status.State);
        });
        return command;
    }

    /// <summary>Scripts can tell each state apart by the exit code alone (docs/cli.md lists them).</summary>
    internal static int ExitCodeOf(string state) => state switch
    {
        "running" => ExitCodes.Ok,
        "config-error" => ExitCodes.Failed,
        "degraded" => ExitCodes.Degraded,
        "paused" => ExitCodes.Paused,
        _ => ExitCodes.Failed,
    };

    internal static void Print(TextWriter o, StatusResult s)
    {
        const int indent = 9;
        void Line(string label, string text) => TextWrap.Write(o, label.PadRight(indent), text, indent);
        var d = s.Daemon;
        TextWrap.Write(o, "", $"remapper {d.Version}: {s.State} ({d.Mode}, pid {d.Pid}, up {Uptime(d.UptimeSeconds)}, socket {d.Socket})", 4);
        var k = s.Keymap;
        Line("keymap", $"{k.Path ?? "none"} ({k.Reason})");
        // The daemon's answer, not ours: it may run as another user or as the system service, with another own keymap.
        if (k.FileToCreate is { } own)
            Line("", $"to use your own keymap, create {own} (`remapper init` writes a starter); the daemon picks it up by itself");
        var errors = k.Diagnostics.Where(x => x.Severity == "error").ToList();
        if (k.Valid)
            Line("", $"loaded {k.RunningSince?.ToLocalTime():yyyy-MM-dd HH:mm:ss}" + (k.Reloads > 0 ? $", {k.Reloads} reload{(k.Reloads == 1 ? "" : "s")}" : ""));
        else if (errors.Count > 0)
            Line("", "INVALID: " + (k.RunningSince is null
                ? "nothing is remapped until it is fixed"
                : $"the keymap loaded {k.RunningSince?.ToLocalTime():HH:mm:ss} keeps running"));
        // Diagnostics stay whole, one per line: editors and terminals jump to file:line:col.
        foreach (var diagnostic in k.Diagnostics) o.WriteLine($"{"",-9}{diagnostic.Text}");
        Line("output", $"{s.Output.Kind} {s.Output.State}: {s.Output.Detail}");
        Line("layers", $"{string.Join(" > ", s.ActiveLayers)}{(s.Paused ? "  (PAUSED: keys pass through; `remapper resume`)" : "")}");
        Line("events", $"{s.Counters.EventsIn} in, {s.Counters.EventsOut} out" + (s.Counters.UnsentKeys > 0
            ? $"; {s.Counters.UnsentKeys} key press{(s.Counters.UnsentKeys == 1 ? "" : "es")} not sent (more keys held at once than the virtual keyboard reports, or a key it has no code for)"
            : ""));
        if (s.Note is not null) Line("note", s.Note);
        o.WriteLine();
        if (s.Keyboards.Count == 0)
        {
            o.WriteLine("no keyboards found (`remapper doctor` says why)");
            return;
        }
        var rows = s.Keyboards.Select(kb => new[] { kb.Name, kb.Bus + (kb.BuiltIn ? " (built-in)" : ""), kb.State.ToString() }).ToList();
        Table(o, ["KEYBOARD", "BUS", "STATE"], rows);
        foreach (var kb in s.Keyboards.Where(kb => Detail(kb).Length > 0))
        {
            o.WriteLine();
            TextWrap.Write(o, "", $"{kb.Name}: {Detail(kb)}", 4);
        }
    }

    private static string Detail(KeyboardDto kb)
    {
        var parts = new List<string>();
        if (kb.Cause is not null) parts.Add(kb.Cause);
        if (kb.HolderPid is { } pid) parts.Add($"held by pid {pid}{(kb.HolderCommand is null ? "" : $" ({kb.HolderCommand})")}");
        if (kb.Fix is not null) parts.Add($"fix: {kb.Fix}");
        return string.Join("; ", parts);
    }

    /// <summary>Columns padded to their widest cell; the last column is not padded.</summary>
    internal static void Table(TextWriter o, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        foreach (var row in rows.Prepend(header))
            o.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }

    private static string Uptime(long seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours}h" : t.TotalHours >= 1 ? $"{t.Hours}h {t.Minutes}m" : $"{t.Minutes}m {t.Seconds}s";
    }
}
