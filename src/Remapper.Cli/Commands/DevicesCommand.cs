using Remapper.Backend;
using System.CommandLine;
using System.Text.Json;
using Remapper.Core.Devices;
using Remapper.Linux.Probe;

namespace Remapper.Cli.Commands;

/// <summary>
/// `remapper devices`: every keyboard with its id, bus, built-in or external, and state. Without a running daemon
/// it probes directly (open, and a grab released at once).
/// </summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the status model as JSON" };
        var keymapChoice = new CommandKeymap();
        var command = new Command("devices", "List keyboards and whether Remapper can take them over; the keymap's " +
            "[[device]] blocks decide which are ignored. Exit code 1 when anything is a problem (hasProblem in --json): a " +
            "keyboard denied, busy or failed, no virtual keyboard possible, no input devices.") { json };
        keymapChoice.AddTo(command);
        command.SetAction(parse =>
        {
            var keymap = CommandKeymap.TryLoad(keymapChoice.Locate(parse), out _);
            var result = new SystemProbe(ProbeEnvironment.System()).Run(keymap?.Devices ?? []);
            if (parse.GetValue(json))
            {
                CliJson.Write(parse.Out(), ProbeJson.From(result.Status, result.OutputNodes), StatusJson.Context.ProbeJson);
                return result.Status.HasProblem() ? ExitCodes.Failed : ExitCodes.Ok;
            }
            Print(result.Status.Keyboards, parse.Out());
            if (result.Status.Note is not null) parse.Out().WriteLine(result.Status.Note);
            int others = result.AllDevices.Count - result.Status.Keyboards.Count;
            if (others > 0) parse.Out().WriteLine($"({others} other input device(s) — mice, buttons, our own virtual keyboard — are not keyboards to seize)");
            return result.Status.HasProblem() ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    internal static void Print(IReadOnlyList<KeyboardStatus> keyboards, TextWriter output)
    {
        if (keyboards.Count == 0)
        {
            output.WriteLine("No keyboards found.");
            return;
        }
        string[] header = ["ID", "NAME", "NODE", "BUS", "WHERE", "STATE"];
        var rows = keyboards.Select(k => new[]
        {
            k.Identity.Id, k.Identity.Name, k.Path ?? "", k.Identity.Bus.KeymapName(), k.Identity.IsBuiltIn ? "built-in" : "external", StateText(k),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Format(header, widths));
        foreach (var row in rows) output.WriteLine(Format(row, widths));

        foreach (var k in keyboards.Where(k => k.IsProblem || k.State == KeyboardState.Ignored))
        {
            output.WriteLine();
            output.WriteLine($"{k.Identity.Name} ({k.Path}): {k.Detail}");
            if (k.Fix is not null) output.WriteLine($"  fix: {k.Fix}");
        }
    }

    internal static string StateText(KeyboardStatus k) => k.State switch
    {
        KeyboardState.AccessDenied => "access denied",
        KeyboardState.Busy => k.Holders is { Count: > 0 } h ? $"busy (pid {h[0].Pid} {h[0].Name})" : "busy (unknown holder)",
        KeyboardState.Seized => "seized",
        KeyboardState.Available => "available",
        KeyboardState.Ignored => "ignored",
        KeyboardState.Gone => "gone",
        _ => "failed",
    };

    private static string Format(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
}
