using System.CommandLine;

namespace Remapper.Cli.Reference;

/// <summary>
/// The command definitions as the man page and the shell completions read them: each visible command with its
/// one-line summary, its options (every alias) and whether it takes file arguments. Both are generated from this, so
/// neither can drift from the commands.
/// </summary>
internal static class CommandTree
{
    public sealed record OptionInfo(IReadOnlyList<string> Names, string Description, IReadOnlyList<string> Values, bool TakesValue, string? ValueName);

    public sealed record CommandInfo(string Name, string Summary, string Description, IReadOnlyList<OptionInfo> Options,
        IReadOnlyList<Argument> Arguments)
    {
        public bool TakesFiles => Arguments.Any(a => a.Name is "PATH" or "FILE") || Options.Any(o => o.ValueName is "PATH");
    }

    public static IEnumerable<CommandInfo> Commands(RootCommand root) =>
        root.Subcommands.Where(c => !c.Hidden).Select(c => new CommandInfo(
            c.Name, CommandList.Summary(c), c.Description ?? "",
            [.. c.Options.Where(o => !o.Hidden).Select(Describe), new OptionInfo(["--help", "-h"], "Show help and usage information", [], false, null)],
            [.. c.Arguments.Where(a => !a.Hidden)]));

    private static OptionInfo Describe(Option option)
    {
        var names = new[] { option.Name }.Concat(option.Aliases).Distinct().ToList();
        var takesValue = option.ValueType != typeof(bool);
        // Only an option restricted to a fixed set (AcceptOnlyFromAmong) completes to words; the rest to files.
        var values = takesValue
            ? option.GetCompletions(System.CommandLine.Completions.CompletionContext.Empty).Select(c => c.Label).ToList()
            : [];
        var valueName = option.HelpName ?? (option.Name is "--config" or "--socket" or "--log-file" or "--output-file" ? "PATH" : null);
        return new OptionInfo(names, option.Description ?? "", values, takesValue, valueName);
    }
}
