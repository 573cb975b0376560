namespace Remapper.Tray.Model;

/// <summary>Everything the icon shows for one daemon snapshot: pure data, no GTK.</summary>
/// <param name="IconName">The themed icon name (<c>remapper-running</c>...), shipped under Icons/hicolor.</param>
/// <param name="Tooltip">First line: the state in a few words; further lines: what is wrong and the fix.</param>
/// <param name="KeymapPath">The keymap the daemon runs (for Open keymap); null when it has none or is unreachable.</param>
public sealed record TrayView(TrayState State, string IconName, string Tooltip, TrayMenu Menu, string? KeymapPath)
{
    /// <summary>The tooltip's first line, also the menu's first line (some tray hosts show no tooltips).</summary>
    public string Headline => Tooltip.Split('\n')[0];
}
