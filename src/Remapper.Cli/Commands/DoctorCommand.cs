using System.CommandLine;

namespace Remapper.Cli.Commands;

/// <summary>STUB: `remapper doctor` — replaced by the Linux backend work.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("remapper doctor: not available in this build yet");
            return 2;
        });
        return command;
    }
}
