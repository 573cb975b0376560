namespace Remapper.Linux.Discovery;

/// <summary>What an input device is, as far as seizing goes.</summary>
public enum DeviceKind
{
    /// <summary>Mice, power buttons, lid switches, speakers: never seized.</summary>
    NotKeyboard,
    /// <summary>Has the letter keys.</summary>
    Keyboard,
    /// <summary>No letters, but media keys (a keyboard's consumer-control interface, a remote).</summary>
    MediaKeys,
}
