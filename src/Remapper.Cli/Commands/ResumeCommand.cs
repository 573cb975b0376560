using System.CommandLine;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper resume</c>: remapping is back on after a pause or the emergency sequence.</summary>
internal static class ResumeCommand
{
    public static Command Create() => SimpleDaemonCommand.Create("resume",
        "Resume remapping after `remapper pause` or the emergency sequence.",
        _ => "remapping resumed");
}
