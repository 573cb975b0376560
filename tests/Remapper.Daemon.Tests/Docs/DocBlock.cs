namespace Remapper.Daemon.Tests.Docs;

/// <summary>One fenced block of README.md or docs/*.md, with the doc-test marker written before it, if any.</summary>
/// <param name="Language">The fence's info string: sh, console, toml, keytest, json, text...</param>
/// <param name="Skip">The reason of a <c>&lt;!-- doc-test: skip (reason) --&gt;</c> marker, or null.</param>
/// <param name="FileName">From <c>&lt;!-- doc-test: file NAME --&gt;</c>: the block is a file later examples use, not run itself.</param>
public sealed record DocBlock(string Doc, int Line, string Language, string Text, string? Skip, string? FileName)
{
    /// <summary>Shown as the theory case's name: where to look.</summary>
    public override string ToString() => $"{Doc}:{Line} ({Language}{(Skip is null ? "" : ", skipped")})";
}
