namespace Remapper.E2E.Harness;

/// <summary>What a command run in the guest left behind: its exit code and its combined stdout and stderr.</summary>
public sealed record GuestResult(string Command, int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => GuestJob.SplitLines(Output);

    public override string ToString() => $"`{Command}` exited {ExitCode}:\n{Output}";
}
