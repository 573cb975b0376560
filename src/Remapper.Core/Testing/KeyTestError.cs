namespace Remapper.Core.Testing;

/// <summary>A problem in a <c>.keytest</c> file, printed as <c>file:line: message</c> so editors can jump to it.</summary>
public sealed record KeyTestError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The outcome of parsing: a file when there were no errors, and every error found (all in one pass).</summary>
public sealed record KeyTestParseResult(KeyTestFile? File, IReadOnlyList<KeyTestError> Errors)
{
    public bool Success => File is not null && Errors.Count == 0;
}
