namespace Remapper.Tray.Model;

/// <summary>What the icon says at a glance. Ordered by what the user most needs to know first (see <see cref="TrayViewBuilder"/>).</summary>
public enum TrayState
{
    /// <summary>Remapping every keyboard it should.</summary>
    Running,

    /// <summary>Remapping paused on purpose (menu, <c>remapper pause</c> or the emergency sequence).</summary>
    Paused,

    /// <summary>Something is not remapped: a keyboard denied/busy/failed, no keyboard at all, or no output device.</summary>
    Warning,

    /// <summary>The keymap on disk is invalid; the previous keymap keeps running.</summary>
    Error,

    /// <summary>No daemon answers on the socket.</summary>
    NotRunning,
}
