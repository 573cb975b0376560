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
            "output keyboard. Exit code 3 when no daemon is running.");
        command.Options.Add(socket);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var client = DaemonConnection.Connect(parse, parse.GetValue(socket), "status", out var exit);
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
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(TextWriter o, StatusResult s)
    {
        var d = s.Daemon;
        o.WriteLine($"remapper {d.Version}: {s.State} ({d.Mode}, pid {d.Pid}, up {Uptime(d.UptimeSeconds)}, socket {d.Socket})");
        var k = s.Keymap;
        o.WriteLine($"{"keymap",-9}{k.Path ?? "none"} ({k.Reason})");
        var errors = k.Diagnostics.Where(x => x.Severity == "error").ToList();
        if (k.Valid)
            o.WriteLine($"{"",-9}loaded {k.RunningSince?.ToLocalTime():yyyy-MM-dd HH:mm:ss}" + (k.Reloads > 0 ? $", {k.Reloads} reload{(k.Reloads == 1 ? "" : "s")}" : ""));
        else if (errors.Count > 0)
            o.WriteLine($"{"",-9}INVALID: " + (k.RunningSince is null
                ? "nothing is remapped until it is fixed"
                : $"the keymap loaded {k.RunningSince?.ToLocalTime():HH:mm:ss} keeps running"));
        foreach (var diagnostic in k.Diagnostics) o.WriteLine($"{"",-9}{diagnostic.Text}");
        o.WriteLine($"{"output",-9}{s.Output.Kind} {s.Output.State}: {s.Output.Detail}");
        o.WriteLine($"{"layers",-9}{string.Join(" > ", s.ActiveLayers)}{(s.Paused ? "  (PAUSED: keys pass through; `remapper resume`)" : "")}");
        o.WriteLine($"{"events",-9}{s.Counters.EventsIn} in, {s.Counters.EventsOut} out");
        if (s.Note is not null) o.WriteLine($"{"note",-9}{s.Note}");
        o.WriteLine();
        if (s.Keyboards.Count == 0)
        {
            o.WriteLine("no keyboards found (`remapper doctor` says why)");
            return;
        }
        var rows = s.Keyboards.Select(kb => new[]
        {
            kb.Name, kb.Bus + (kb.BuiltIn ? " (built-in)" : ""), kb.State.ToString(), Detail(kb),
        }).ToList();
        Table(o, ["KEYBOARD", "BUS", "STATE", "DETAIL"], rows);
    }

    private static string Detail(KeyboardStatus kb)
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
