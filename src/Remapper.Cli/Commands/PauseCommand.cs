using System.CommandLine;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper pause</c>: keys pass through unchanged until <c>remapper resume</c>.</summary>
internal static class PauseCommand
{
    public static Command Create() => SimpleDaemonCommand.Create("pause",
        "Pause remapping: held keys are released and every key passes through unchanged until `remapper resume`. " +
        "The keyboards stay seized.",
        _ => "remapping paused; `remapper resume` turns it back on");
}
