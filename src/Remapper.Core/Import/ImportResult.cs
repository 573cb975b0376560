namespace Remapper.Core.Import;

/// <summary>
/// What an importer made of another remapper's config: the keymap text (TOML) and every part it left out, or,
/// when the input could not be read as that remapper's config at all, <see cref="Error"/> and no keymap.
/// </summary>
public sealed record ImportResult(string? Toml, IReadOnlyList<ImportNote> NotConverted, ImportError? Error)
{
    public static ImportResult Failed(ImportError error) => new(null, [], error);

    /// <summary>Everything was converted.</summary>
    public bool Complete => Error is null && NotConverted.Count == 0;
}

/// <summary>Why the input is not a config the importer can read; <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when unknown.</summary>
public sealed record ImportError(string Source, int Line, int Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{Source}:{Line}:{Column}: error: {Message}" : $"{Source}: error: {Message}";
}
