using System.CommandLine;
using System.Text.Json;
using Remapper.Core.Hid;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper keys [FILTER] [--json]</c>: every key name a keymap may use, its aliases and HID usage.</summary>
internal static class KeysCommand
{
    public static Command Create(Func<IReadOnlyList<KeyInfo>>? table = null)
    {
        table ??= () => KeyNames.All;
        var filter = new Argument<string?>("FILTER")
        {
            Description = "Show only keys whose name, alias or description contains this text (case-insensitive).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print a JSON array of {name, usage, page, id, aliases, description}.",
        };
        var command = new Command("keys",
            "List the key names a keymap can use: the canonical name (Karabiner's key_code names), the aliases " +
            "accepted for it and its HID usage as page:id.");
        command.Arguments.Add(filter);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse, parse.GetValue(filter), parse.GetValue(json), table()));
        return command;
    }

    private static int Run(ParseResult parse, string? filter, bool json, IReadOnlyList<KeyInfo> table)
    {
        var keys = table
            .Where(k => filter is null || Matches(k, filter))
            .Select(k => new KeyEntry(k.Name, UsageCode(k.Usage), k.Usage.Page, k.Usage.Id, k.Aliases, k.Description))
            .ToList();
        if (keys.Count == 0)
        {
            parse.Error().WriteLine($"remapper keys: no key matches '{filter}'");
            return ExitCodes.Failed;
        }

        var stdout = parse.Out();
        if (json)
        {
            CliJson.Write(stdout, keys, CliJsonContext.Default.ListKeyEntry);
            return ExitCodes.Ok;
        }

        // Three columns and the aliases on a line of their own: an 80-column terminal holds every row.
        var nameWidth = Math.Max("NAME".Length, keys.Max(k => k.Name.Length)) + 2;
        var usageWidth = Math.Max("USAGE".Length, keys.Max(k => k.Usage.Length)) + 2;
        stdout.WriteLine("NAME".PadRight(nameWidth) + "USAGE".PadRight(usageWidth) + "DESCRIPTION");
        foreach (var k in keys)
        {
            TextWrap.Write(stdout, k.Name.PadRight(nameWidth) + k.Usage.PadRight(usageWidth), k.Description, nameWidth + usageWidth);
            if (k.Aliases.Count > 0) TextWrap.Write(stdout, "    aliases: ", string.Join(", ", k.Aliases), 13);
        }
        return ExitCodes.Ok;
    }

    private static bool Matches(KeyInfo key, string filter) =>
        key.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) ||
        key.Description.Contains(filter, StringComparison.OrdinalIgnoreCase) ||
        key.Aliases.Any(a => a.Contains(filter, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>0x07:0x04</c> — the page and id as HID specs and report descriptors write them.</summary>
    public static string UsageCode(Usage usage) => $"0x{usage.Page:x2}:0x{usage.Id:x2}";
}
