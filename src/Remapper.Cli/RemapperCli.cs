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
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(Build(), args, output, error);

    public static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors) error.WriteLine($"remapper: {e.Message}");
                var command = parse.CommandResult.Command;
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
            error.WriteLine($"remapper: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
