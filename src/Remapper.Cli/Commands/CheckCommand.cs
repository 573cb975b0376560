using System.CommandLine;
using System.Text.Json;
using Remapper.Core.Keymap;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper check [PATH...] [--system] [--json]</c>: validates keymaps and prints every problem with file:line:col.
/// Without a path it checks the keymap <c>remapper run</c> would use (the same rule, <see cref="CommandKeymap"/>);
/// <c>-</c> reads one from standard input.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The name a keymap read from standard input has in diagnostics.</summary>
    public const string StdinName = "<stdin>";

    /// <param name="load">The keymap loader (text, path); tests substitute a stand-in.</param>
    /// <param name="stdin">Where <c>-</c> reads from (default: the process's standard input).</param>
    public static Command Create(Func<string, string, KeymapLoadResult>? load = null, Func<TextReader>? stdin = null)
    {
        load ??= KeymapLoader.Load;
        stdin ??= () => Console.In;
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The keymaps to check; - reads one from standard input (default: the keymap `remapper run` uses).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var system = new Option<bool>("--system")
        {
            Description = "Without PATH: check the system service's keymap (/etc/remapper/config.toml) instead of your own",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the result as a JSON object {path, valid, errors, warnings, diagnostics[]} (an array of them for several paths; see docs/cli.md).",
        };
        var command = new Command("check",
            "Check a keymap without running it: every error and warning is printed as file:line:col: error: message, " +
            "with a suggestion where one helps. Exit code 0 when valid, 1 when not, 2 when a file cannot be read.");
        command.Arguments.Add(paths);
        command.Options.Add(system);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse, parse.GetValue(paths) ?? [], parse.GetValue(system), parse.GetValue(json), load, stdin));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths, bool system, bool json,
        Func<string, string, KeymapLoadResult> load, Func<TextReader> stdin)
    {
        var stderr = parse.Error();
        if (paths.Length == 0)
        {
            var location = CommandKeymap.Locate(null, system);
            if (location.Path is null)
            {
                stderr.WriteLine($"remapper check: no keymap to check: {location.Reason}; name one, or create one with `remapper init`");
                return ExitCodes.UsageOrIo;
            }
            paths = [location.Path];
        }

        var exit = ExitCodes.Ok;
        var reports = new List<CheckReport>();
        foreach (var path in paths)
        {
            string text;
            string shown = path == "-" ? StdinName : path;
            if (path == "-") text = stdin().ReadToEnd();
            else if (!TextFiles.TryRead(path, out text, out var error))
            {
                stderr.WriteLine($"remapper check: {error}");
                exit = ExitCodes.UsageOrIo;
                continue;
            }
            var result = load(text, shown);
            var report = Report(shown, result);
            if (!report.Valid && exit == ExitCodes.Ok) exit = ExitCodes.Failed;
            if (json) reports.Add(report);
            else Print(parse.Out(), report);
        }
        if (json)
        {
            if (reports.Count == 1 && paths.Length == 1) CliJson.Write(parse.Out(), reports[0], CliJsonContext.Default.CheckReport);
            else CliJson.Write(parse.Out(), reports, CliJsonContext.Default.ListCheckReport);
        }
        return exit;
    }

    private static CheckReport Report(string path, KeymapLoadResult result)
    {
        var all = result.Diagnostics;
        var errors = all.Count(d => d.IsError);
        return new CheckReport(path, result.Success, errors, all.Count - errors, all.Select(d => new CheckDiagnostic(
            d.Location.File, d.Location.Line, d.Location.Column, d.IsError ? "error" : "warning", d.Message, d.Suggestion)).ToList())
        {
            Lines = all.Select(d => d.ToString()).ToList(),
        };
    }

    private static void Print(TextWriter stdout, CheckReport report)
    {
        foreach (var line in report.Lines) stdout.WriteLine(line);
        stdout.WriteLine(report.Valid
            ? $"{report.Path}: ok" + (report.Warnings > 0 ? $" ({Plural(report.Warnings, "warning")})" : "")
            : $"{report.Path}: {Plural(report.Errors, "error")}" + (report.Warnings > 0 ? $", {Plural(report.Warnings, "warning")}" : ""));
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
