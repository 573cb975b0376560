using System.CommandLine;

namespace Remapper.Cli.Commands;

/// <summary>STUB: `remapper run` — replaced by the Linux backend work.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("remapper run: not available in this build yet");
            return 2;
        });
        return command;
    }
}
