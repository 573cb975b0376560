using System.CommandLine;
using Remapper.Cli.Commands;

namespace Remapper.Cli;

/// <summary>The `remapper` command tree and how it is run; Program.cs and the tests both come through here.</summary>
internal static class RemapperCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Remapper: a keyboard remapping daemon. It seizes your keyboards, runs every key through the rules of " +
            "a TOML keymap and types the result through a virtual keyboard. Hold left control + space + escape " +
            "together to release every key and pause remapping.")
        {
            // The usage line says what users type, not the name of the host process (testhost, dotnet...).
            HelpName = "remapper",
        };
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(EditCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(DevicesCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ReloadCommand.Create());
        root.Subcommands.Add(PauseCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        root.Subcommands.Add(TrayCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create(Build));
        root.Subcommands.Add(CompletionCommand.CreateMan(Build));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(Build(), args, output, error);

    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Length == 0 || args is ["help"] or ["-h"] or ["--help"] or ["-?"])
            {
                CommandList.Print(root, output);
                return args.Length == 0 ? ExitCodes.UsageOrIo : ExitCodes.Ok; // no command is a usage error; asking for help is not
            }
            if (args is ["version"] or ["-V"] or ["--version"])
            {
                output.WriteLine($"remapper {Remapper.Daemon.DaemonInfo.ThisVersion}");
                return ExitCodes.Ok;
            }
            if (args is ["help", var topic, ..]) args = [topic, "--help"];

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var command = parse.CommandResult.Command;
                if (command == root && args[0] is var first && !first.StartsWith('-')
                    && Core.Keymap.Loading.Suggestions.Nearest(first, root.Subcommands.Select(c => c.Name)) is { } meant)
                {
                    error.WriteLine($"remapper: '{first}' is not a command; did you mean '{meant}'?");
                    error.WriteLine("Try 'remapper help' for the list.");
                    return ExitCodes.UsageOrIo;
                }
                // "Required command was not provided" beside "Unrecognized command 'x'" says the same thing twice.
                var errors = parse.Errors.Count > 1 ? parse.Errors.Where(e => command != root || e.Message != "Required command was not provided.") : parse.Errors;
                foreach (var e in errors) error.WriteLine($"remapper: {ParseErrors.InWords(e.Message)}");
                var name = command == root ? "remapper" : $"remapper {command.Name}";
                error.WriteLine($"Try '{name} --help'.");
                return ExitCodes.UsageOrIo;
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            // A bug, not a user mistake: one line the user can paste into an issue, never a stack trace.
            error.WriteLine(InternalError(e));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The one line every command prints for a bug (exit code 70).</summary>
    public static string InternalError(Exception e) => $"remapper: internal error: {e.GetType().Name}: {e.Message}";
}
