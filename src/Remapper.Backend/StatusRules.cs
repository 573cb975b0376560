namespace Remapper.Backend;

/// <summary>
/// The one rule for "is this a problem" and the one overall state word. The daemon's status, the CLI and the tray all
/// ask here, so a keyboard cannot be a warning in one and fine in another.
/// </summary>
public static class StatusRules
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Degraded = "degraded";
    public const string ConfigError = "config-error";

    /// <summary>Denied, busy or failed: the keyboard types unremapped (or not at all) and the user must act.</summary>
    public static bool IsProblem(this KeyboardState state) => state is KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed;

    /// <summary>The output device cannot type: nothing is remapped until it can.</summary>
    public static bool IsProblem(this OutputDeviceStatus output) => output.State != OutputDeviceState.Ready;

    /// <summary>Something in the backend the user should act on: the output, a keyboard, or a machine-wide note.</summary>
    public static bool HasProblem(this BackendStatus status) =>
        status.Output.IsProblem() || status.Note is not null || status.Keyboards.Any(k => k.State.IsProblem());

    /// <summary>
    /// What the user most needs to know first, in one word: <see cref="ConfigError"/> (the keymap on disk has errors; the
    /// previous one keeps running — the one state that needs an edit), <see cref="Paused"/>, <see cref="Degraded"/> (a
    /// keyboard or the output is not working) or <see cref="Running"/>.
    /// </summary>
    public static string StateWord(BackendStatus status, bool keymapHasErrors) => StateWord(keymapHasErrors, status.Paused, status.HasProblem());

    /// <summary>The same word from its three inputs, for a status that arrived over the socket.</summary>
    public static string StateWord(bool keymapHasErrors, bool paused, bool hasProblem) =>
        keymapHasErrors ? ConfigError
        : paused ? Paused
        : hasProblem ? Degraded
        : Running;
}
