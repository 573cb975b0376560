using Remapper.Backend;
using Remapper.Ipc;

namespace Remapper.Tray.Model;

/// <summary>How a keyboard's state reads in the menu, the tooltip and notifications.</summary>
public static class KeyboardText
{
    /// <summary>The backend's one rule (<see cref="StatusRules.IsProblem(KeyboardState)"/>).</summary>
    public static bool IsProblem(KeyboardState state) => state.IsProblem();

    public static string StateWord(KeyboardState state) => state switch
    {
        KeyboardState.Seized => "remapped",
        KeyboardState.Pending => "waiting for keys to be released",
        KeyboardState.Ignored => "ignored",
        KeyboardState.AccessDenied => "access denied",
        KeyboardState.Busy => "busy",
        KeyboardState.Gone => "unplugged",
        _ => "failed",
    };

    /// <summary>"Name: access denied (cause)" or "Name: busy (held by evtest, pid 1234)".</summary>
    /// <param name="paused">Remapping is paused: a seized keyboard types its keys unchanged.</param>
    public static string Describe(KeyboardDto keyboard, bool paused = false)
    {
        var word = paused && keyboard.State == KeyboardState.Seized ? "held, keys pass through unchanged" : StateWord(keyboard.State);
        var text = $"{keyboard.Name}: {word}";
        var detail = Detail(keyboard);
        return detail is null ? text : $"{text} ({detail})";
    }

    private static string? Detail(KeyboardDto keyboard)
    {
        if (keyboard.State == KeyboardState.Busy && keyboard.HolderPid is { } pid)
            return keyboard.HolderCommand is { Length: > 0 } command ? $"held by {command}, pid {pid}" : $"held by pid {pid}";
        return IsProblem(keyboard.State) && !string.IsNullOrWhiteSpace(keyboard.Cause) ? keyboard.Cause : null;
    }
}
