using Remapper.Core.Import.Karabiner;

namespace Remapper.Core.Import.Kanata;

/// <summary>What the converters of one import share: the file's aliases, variables, layer names and defcfg, and the notes.</summary>
internal sealed class KanataContext(string source, ImportNotes notes)
{
    public string Source { get; } = source;
    public ImportNotes Notes { get; } = notes;
    public Dictionary<string, SExpression> Aliases { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SExpression> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>kanata layer name → keymap layer name (the first layer is the keymap's base).</summary>
    public Dictionary<string, string> Layers { get; } = new(StringComparer.Ordinal);

    /// <summary>defcfg's tap-hold-require-prior-idle: every tap-hold that does not set its own.</summary>
    public int? PriorIdleMs { get; set; }

    public string? LayerName(string kanata) => Layers.TryGetValue(kanata, out var name) ? name : null;
}
