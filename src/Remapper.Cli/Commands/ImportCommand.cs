using System.CommandLine;
using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper import karabiner|keyd|kanata [PATH] [--output FILE] [--force]</c>: another remapper's config →
/// a keymap. Each source is a sibling subcommand sharing the same PATH/--output/--force handling and exit codes
/// (0 all converted, 1 something left out, 2 unreadable or not that remapper's config); only the conversion
/// differs. The keymap goes to stdout (or --output), what was left out to stderr as FILE:PLACE: not supported: ….
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import",
            "Turn another remapper's configuration into a Remapper keymap, and say exactly what could not be converted " +
            "(see docs/import.md).");
        command.Subcommands.Add(Karabiner());
        command.Subcommands.Add(Keyd());
        command.Subcommands.Add(Kanata());
        return command;
    }

    private static Command Karabiner()
    {
        var path = new Argument<string?>("PATH")
        {
            Description = "karabiner.json, or a rule file {\"title\", \"rules\"} (default: ~/.config/karabiner/karabiner.json).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "The profile to import (default: the selected one).",
            HelpName = "NAME",
        };
        var (output, force) = OutputOptions();
        var command = new Command("karabiner",
            "Import a Karabiner-Elements configuration: simple_modifications, fn_function_keys, complex_modifications " +
            "(rules, enabled, parameters) and devices. Exit code 0 when everything was converted, 1 when something was " +
            "left out (listed on stderr and as comments in the keymap), 2 when the file cannot be read or is not " +
            "Karabiner JSON.");
        command.Arguments.Add(path);
        command.Options.Add(profile);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(path) ?? DefaultKarabinerPath();
            var wanted = parse.GetValue(profile);
            return Run(parse, "karabiner", source, parse.GetValue(output), parse.GetValue(force),
                text => KarabinerImporter.Import(text, source, wanted));
        });
        return command;
    }

    private static Command Keyd() => FromFile("keyd", "A keyd config (/etc/keyd/*.conf).",
        "Import a keyd config: [main] and its layers, chords, overload() and friends, macro(), [ids] exclusions and " +
        "chord_timeout. Exit code 0 when everything was converted, 1 when something was left out (listed on stderr " +
        "with line:column and as comments in the keymap), 2 when the file cannot be read or is not a keyd config.",
        KeydImporter.Import);

    private static Command Kanata() => FromFile("kanata", "A kanata configuration (.kbd).",
        "Import a kanata configuration: defsrc, deflayer, deflayermap, defalias, defvar, defcfg options that map, " +
        "defhands, defchordsv2, the tap-hold family, layer actions, one-shot, tap-dance, macros, unicode and caps-word. " +
        "Exit code 0 when everything was converted, 1 when something was left out (listed on stderr as FILE:LINE:COL " +
        "and as comments in the keymap), 2 when the file cannot be read or is not a kanata configuration.",
        KanataImporter.Import);

    /// <summary>An importer whose only input is one file, named on the command line (keyd, kanata).</summary>
    private static Command FromFile(string from, string pathDescription, string description, Func<string, string, ImportResult> import)
    {
        var path = new Argument<string>("PATH") { Description = pathDescription };
        var (output, force) = OutputOptions();
        var command = new Command(from, description);
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(path)!;
            return Run(parse, from, source, parse.GetValue(output), parse.GetValue(force), text => import(text, source));
        });
        return command;
    }

    private static (Option<string?> Output, Option<bool> Force) OutputOptions() =>
    (
        new Option<string?>("--output", "-o") { Description = "Write the keymap to FILE instead of stdout.", HelpName = "FILE" },
        new Option<bool>("--force") { Description = "Overwrite --output FILE if it exists." }
    );

    private static string DefaultKarabinerPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "karabiner", "karabiner.json");

    private static int Run(ParseResult parse, string from, string source, string? output, bool force, Func<string, ImportResult> import)
    {
        var stdout = parse.Out();
        var stderr = parse.Error();
        var prefix = $"remapper import {from}";
        if (output is not null && !force && (File.Exists(output) || Directory.Exists(output)))
        {
            stderr.WriteLine($"{prefix}: '{output}' already exists; add --force to overwrite it");
            return ExitCodes.UsageOrIo;
        }
        if (!TextFiles.TryRead(source, out var text, out var readError))
        {
            stderr.WriteLine($"{prefix}: {readError}");
            return ExitCodes.UsageOrIo;
        }

        var result = import(text);
        if (result.Toml is null)
        {
            stderr.WriteLine(result.Error?.ToString() ?? $"{prefix}: the import failed");
            return ExitCodes.UsageOrIo;
        }

        // The promise is a keymap that checks: if it does not, that is a bug in the importer, not the user's.
        var check = KeymapLoader.Load(result.Toml, output ?? "imported.toml");
        if (!check.Success)
        {
            stderr.WriteLine($"remapper: internal error: the imported keymap does not load (please report this with the file):");
            foreach (var d in check.Diagnostics.Where(d => d.IsError)) stderr.WriteLine($"  {d}");
            return ExitCodes.InternalError;
        }

        if (output is null)
        {
            stdout.Write(result.Toml);
        }
        else
        {
            try
            {
                File.WriteAllText(output, result.Toml);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"{prefix}: cannot write '{output}': {e.Message}");
                return ExitCodes.UsageOrIo;
            }
        }

        foreach (var note in result.NotConverted) stderr.WriteLine(note.ToString());
        var destination = output ?? "the keymap";
        stderr.WriteLine(result.NotConverted.Count == 0
            ? $"{prefix}: everything in {source} was converted" + (output is null ? "" : $"; wrote {output}")
            : $"{prefix}: {result.NotConverted.Count} part(s) of {source} could not be converted; they are comments in {destination}");
        return result.NotConverted.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
