namespace Remapper.Core.Import.Keyd;

/// <summary>What a keyd action became: a keymap value and its kind (what it may be nested in), or why it cannot be converted.</summary>
internal sealed record KeydAction(KeydActionKind Kind, string Toml, IReadOnlyList<string> Notes, string? Failure)
{
    public static KeydAction Fail(string why) => new(KeydActionKind.None, "", [], why);

    public static KeydAction Of(KeydActionKind kind, string toml, params string[] notes) => new(kind, toml, notes, null);

    public bool Failed => Failure is not null;
}

internal enum KeydActionKind
{
    /// <summary>A key or a chord, held while the key is: a quoted string.</summary>
    Key,
    /// <summary><c>"none"</c>.</summary>
    Nothing,
    /// <summary><c>layer()</c>.</summary>
    Layer,
    /// <summary><c>toggle()</c>, <c>oneshot()</c>: usable as a tap.</summary>
    LayerTap,
    /// <summary>An array of steps tapped in turn.</summary>
    Sequence,
    /// <summary>An inline <c>{ tap, hold }</c> table: only a binding's own value.</summary>
    TapHold,
    None,
    /// <summary>An inline <c>{ multi = [...] }</c> table (layerm(), oneshotm(), oneshotk(), swapm()): only a binding's own value.</summary>
    Multi,
    /// <summary>An inline <c>{ timeout_ms, before, after }</c> table: a binding's own value or a tap-hold's tap.</summary>
    Timeout,
}
