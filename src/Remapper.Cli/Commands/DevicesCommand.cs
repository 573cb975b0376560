using System.CommandLine;

namespace Remapper.Cli.Commands;

/// <summary>STUB: `remapper devices` — replaced by the Linux backend work.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "(not available yet)");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("remapper devices: not available in this build yet");
            return 2;
        });
        return command;
    }
}
