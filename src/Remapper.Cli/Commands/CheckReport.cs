using System.Text.Json.Serialization;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper check --json</c> output (documented in docs/cli.md). Field names are part of the interface:
/// add fields, never rename them.
/// </summary>
internal sealed record CheckReport(
    string Path,
    bool Valid,
    int Errors,
    int Warnings,
    IReadOnlyList<CheckDiagnostic> Diagnostics)
{
    /// <summary>The diagnostics as printed (<c>file:line:col: error: message — suggestion</c>); not part of the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Lines { get; init; } = [];
}

internal sealed record CheckDiagnostic(
    string File,
    int Line,
    int Column,
    string Severity,
    string Message,
    string? Suggestion);

/// <summary><c>remapper keys --json</c>: one entry per key.</summary>
internal sealed record KeyEntry(string Name, string Usage, int Page, int Id, IReadOnlyList<string> Aliases, string Description);

/// <summary>Source-generated serialization: no reflection, so the AOT-published binary keeps working.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(List<CheckReport>))]
[JsonSerializable(typeof(List<KeyEntry>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
