using System.CommandLine;

namespace Remapper.Cli;

/// <summary>
/// What <c>remapper</c> alone, <c>remapper help</c> and <c>remapper -h</c> print: every command with one line, taken
/// from the command's own description (its first clause), so the list cannot drift from the commands.
/// </summary>
internal static class CommandList
{
    public static void Print(RootCommand root, TextWriter output)
    {
        output.WriteLine("usage: remapper COMMAND [options]");
        output.WriteLine();
        foreach (var line in TextWrap.Lines(root.Description ?? "", 80)) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine("commands:");
        var width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var command in root.Subcommands.Where(c => !c.Hidden))
        {
            var lines = TextWrap.Lines(Summary(command), 80 - 2 - width);
            output.WriteLine($"  {command.Name.PadRight(width)}{lines[0]}");
            foreach (var more in lines.Skip(1)) output.WriteLine($"  {new string(' ', width)}{more}");
        }
        output.WriteLine();
        output.WriteLine("`remapper help COMMAND` (or `remapper COMMAND --help`) describes a command;");
        output.WriteLine("`remapper version` (or -V) prints the version.");
    }

    /// <summary>The description up to the end of its first clause (": ", "; ", ". ", " (" ): "Check a keymap without running it".</summary>
    public static string Summary(Command command)
    {
        var text = command.Description ?? "";
        var end = new[] { ": ", "; ", ". ", " (" }.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(text.Length).Min();
        return text[..end].TrimEnd('.').Trim();
    }
}
