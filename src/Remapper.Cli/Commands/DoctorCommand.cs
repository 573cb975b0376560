using System.CommandLine;
using System.Text.Json;
using Remapper.Daemon.Config;
using Remapper.Linux.Probe;

namespace Remapper.Cli.Commands;

/// <summary>
/// `remapper doctor`: everything that keeps Remapper from working, each with its cause and fix. Exit code 0 when
/// nothing is wrong, 1 when anything is (a keyboard denied or busy, no virtual keyboard possible, no input devices,
/// a broken keymap).
/// </summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var keymap = new CommandKeymap();
        var socket = DaemonConnection.SocketOption();
        var command = new Command("doctor", "Explain every problem with keyboards, the virtual keyboard, the keymap, the daemon and "
            + "other remappers, and how to fix it") { json, socket };
        keymap.AddTo(command);
        command.SetAction(parse =>
        {
            var location = keymap.Locate(parse);
            var model = CommandKeymap.TryLoad(location, out var keymapCheck);
            var env = ProbeEnvironment.System();
            var result = new SystemProbe(env).Run(model?.Devices ?? []);
            SystemCheck[] system = [.. DaemonChecks.Run(parse.GetValue(socket)), .. new SystemChecks(env).Run()];
            var report = DoctorReport.Build(result, keymapCheck, system);
            if (parse.GetValue(json))
                CliJson.Write(parse.Out(), DoctorJson.From(report), StatusJson.Context.DoctorJson);
            else
                Print(report, location, parse.Out());
            return report.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    internal static void Print(DoctorReport report, KeymapLocation? location, TextWriter output)
    {
        // Colour only for a person at a terminal; pipes, files and tests get plain text.
        bool colour = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        string Ok() => colour ? "\e[32m[ok]\e[0m" : "[ok]";
        string Info() => colour ? "\e[36m[info]\e[0m" : "[info]";
        string Bad() => colour ? "\e[31m[problem]\e[0m" : "[problem]";
        // Explanations wrap at 80 columns under their label, so a long fix stays readable in a terminal.
        void Explain(string label, string text) => TextWrap.Write(output, $"        {label,-7}", text, 15);
        void Item(string mark, string text) => TextWrap.Write(output, $"  {mark} ", text, 8);
        var status = report.Status;
        var outputNodes = report.OutputNodes;
        output.WriteLine("Virtual keyboard");
        output.WriteLine(outputNodes.Chosen == OutputKind.None
            ? $"  {Bad()} none can be created"
            : $"  {Ok()} {outputNodes.Chosen.ToString().ToLowerInvariant()}: {outputNodes.Reason}");
        foreach (var node in new[] { outputNodes.Uhid, outputNodes.Uinput })
        {
            // The unused node's trouble is worth knowing but is not a problem while the other one works.
            var nodeMark = node.State == OutputNodeState.Ok ? Ok() : outputNodes.Chosen != OutputKind.None ? Info() : Bad();
            Item(nodeMark, $"{node.Node}: {node.Detail}");
            if (node.Fix is not null) Explain("fix:", node.Fix);
        }

        output.WriteLine();
        output.WriteLine("Keyboards");
        if (report.Problems.FirstOrDefault(p => p.Subject == "input devices") is { } input)
        {
            Item(Bad(), input.Cause);
            if (input.Fix is not null) Explain("fix:", input.Fix);
        }
        else if (status.Keyboards.Count == 0) output.WriteLine($"  {Bad()} no keyboard found");
        foreach (var k in status.Keyboards)
        {
            var mark = k.IsProblem ? Bad() : Ok();
            Item(mark, $"{k.Identity.Name} ({k.Path}, {(k.Identity.IsBuiltIn ? "built-in" : "external")}, {k.Identity.Id}): {DevicesCommand.StateText(k)}");
            if ((k.IsProblem || k.State == Remapper.Backend.KeyboardState.Ignored) && k.Detail is not null) Explain("cause:", k.Detail);
            if (k.Fix is not null) Explain("fix:", k.Fix);
        }

        if (report.Keymap is { } keymap)
        {
            output.WriteLine();
            output.WriteLine("Keymap");
            output.WriteLine(keymap.Loaded ? $"  {Ok()} {keymap.Path ?? "(none: keys pass through unchanged)"}" : $"  {Bad()} {keymap.Path}");
            if (location is not null) Explain("why:", location.Reason);
            if (location?.FileToCreate is { } create)
                Explain("yours:", $"create {create} (`remapper init` writes a starter; the daemon picks it up by itself)");
            foreach (var d in keymap.Diagnostics) output.WriteLine($"        {d}");
        }

        if (report.System.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("System");
            foreach (var check in report.System)
            {
                var mark = check.State switch { CheckState.Ok => Ok(), CheckState.Info => Info(), _ => Bad() };
                Item(mark, $"{check.Name}: {check.Detail}");
                if (check.Fix is not null && check.State != CheckState.Ok) Explain("fix:", check.Fix);
            }
        }

        output.WriteLine();
        output.WriteLine(report.Ok ? "No problems found." : $"{report.Problems.Count} problem(s) found.");
    }
}
