namespace Remapper.Tray.Model;

/// <summary>The icon of each state. The names are the file names under Icons/hicolor/SIZE/status/.</summary>
public static class TrayIcons
{
    public static string NameOf(TrayState state) => state switch
    {
        TrayState.Running => "remapper-running",
        TrayState.Paused => "remapper-paused",
        TrayState.Warning => "remapper-warning",
        TrayState.Error => "remapper-error",
        _ => "remapper-not-running",
    };

    public static IReadOnlyList<TrayState> All { get; } = Enum.GetValues<TrayState>();

    /// <summary>The pixel sizes shipped as PNG (plus a scalable SVG): the sizes panels ask for.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [16, 22, 24, 32, 48];
}
