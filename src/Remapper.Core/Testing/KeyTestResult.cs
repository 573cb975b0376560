namespace Remapper.Core.Testing;

/// <summary>How one test went. <see cref="Failure"/> is the readable report (location, diff, notes) when it failed.</summary>
public sealed record KeyTestResult(KeyTestCase Test, string File, bool Passed, string? Failure)
{
    public string Location => $"{File}:{Test.Line}";
}

/// <summary>
/// How one file went. <see cref="FileErrors"/> are problems that stop every test from running
/// (the keymap does not load); then <see cref="Results"/> is empty.
/// </summary>
public sealed record KeyTestFileResult(string File, IReadOnlyList<string> FileErrors, IReadOnlyList<KeyTestResult> Results)
{
    public bool Passed => FileErrors.Count == 0 && Results.All(r => r.Passed);
}
