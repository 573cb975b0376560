using System.CommandLine;
using System.Text.Json;
using Remapper.Core.Keymap;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper check [PATH] [--json]</c>: validates a keymap and prints every problem with file:line:col.</summary>
internal static class CheckCommand
{
    /// <param name="load">The keymap loader (text, path); tests substitute a stand-in.</param>
    public static Command Create(Func<string, string, KeymapLoadResult>? load = null)
    {
        load ??= KeymapLoader.Load;
        var path = new Argument<string?>("PATH")
        {
            Description = "The keymap to check (default: the shipped config/default.toml).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the result as a JSON object {path, valid, errors, warnings, diagnostics[]} (see docs/cli.md).",
        };
        var command = new Command("check",
            "Check a keymap without running it: every error and warning is printed as file:line:col: error: message, " +
            "with a suggestion where one helps. Exit code 0 when valid, 1 when not, 2 when the file cannot be read.");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse, parse.GetValue(path), parse.GetValue(json), load));
        return command;
    }

    private static int Run(ParseResult parse, string? path, bool json, Func<string, string, KeymapLoadResult> load)
    {
        var stdout = parse.Out();
        var stderr = parse.Error();
        path ??= ShippedKeymap.Find();
        if (path is null)
        {
            stderr.WriteLine("remapper check: no PATH given and the shipped config/default.toml was not found; name the keymap to check");
            return ExitCodes.UsageOrIo;
        }
        if (!TextFiles.TryRead(path, out var text, out var error))
        {
            stderr.WriteLine($"remapper check: {error}");
            return ExitCodes.UsageOrIo;
        }

        var result = load(text, path);
        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        var valid = result.Success;

        if (json)
        {
            var report = new CheckReport(path, valid, errors, warnings, result.Diagnostics.Select(d => new CheckDiagnostic(
                d.Location.File, d.Location.Line, d.Location.Column, d.IsError ? "error" : "warning", d.Message, d.Suggestion)).ToList());
            stdout.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.CheckReport));
        }
        else
        {
            foreach (var d in result.Diagnostics) stdout.WriteLine(d.ToString());
            stdout.WriteLine(valid
                ? $"{path}: ok" + (warnings > 0 ? $" ({Plural(warnings, "warning")})" : "")
                : $"{path}: {Plural(errors, "error")}" + (warnings > 0 ? $", {Plural(warnings, "warning")}" : ""));
        }
        return valid ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
