namespace Remapper.Core.Testing;

/// <summary>How a test went, counting the <c>known-difference:</c> marker.</summary>
public enum KeyTestOutcome
{
    /// <summary>The output matched and the test is not marked.</summary>
    Passed,

    /// <summary>The output did not match (or keys were left pressed) and the test is not marked.</summary>
    Failed,

    /// <summary>Marked as a known difference, and it still differs: counted apart, never as a pass.</summary>
    KnownDifference,

    /// <summary>Marked as a known difference, yet it matches: the marker is out of date.</summary>
    MarkedButPasses,
}

/// <summary>
/// How one test went. <see cref="Matched"/>: the output was exactly the expected one and nothing was left pressed;
/// <see cref="Failure"/> is the readable report (location, diff, notes) when it was not.
/// </summary>
public sealed record KeyTestResult(KeyTestCase Test, string File, bool Matched, string? Failure)
{
    public string Location => $"{File}:{Test.Line}";

    public KeyTestOutcome Outcome => (Test.KnownDifference is null, Matched) switch
    {
        (true, true) => KeyTestOutcome.Passed,
        (true, false) => KeyTestOutcome.Failed,
        (false, false) => KeyTestOutcome.KnownDifference,
        (false, true) => KeyTestOutcome.MarkedButPasses,
    };

    /// <summary>The test passed: matched, and not marked as a known difference.</summary>
    public bool Passed => Outcome == KeyTestOutcome.Passed;

    /// <summary>Nothing to act on: a pass, or a known difference that still differs.</summary>
    public bool AsExpected => Outcome is KeyTestOutcome.Passed or KeyTestOutcome.KnownDifference;
}

/// <summary>
/// How one file went. <see cref="FileErrors"/> are problems that stop every test from running
/// (the keymap does not load); then <see cref="Results"/> is empty.
/// </summary>
public sealed record KeyTestFileResult(string File, IReadOnlyList<string> FileErrors, IReadOnlyList<KeyTestResult> Results)
{
    public bool Passed => FileErrors.Count == 0 && Results.All(r => r.AsExpected);
}
