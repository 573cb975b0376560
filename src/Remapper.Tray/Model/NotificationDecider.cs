using Remapper.Backend;
using Remapper.Ipc;

namespace Remapper.Tray.Model;

/// <summary>A desktop notification to show.</summary>
public sealed record TrayNotification(string Summary, string Body, bool Urgent);

/// <summary>
/// Decides which status changes deserve a desktop notification: a keyboard turning denied/busy/failed, a keymap that
/// fails to load. Once per change, not per retry: a keyboard's problem is remembered until the keyboard works again
/// (seized, ignored or unplugged), so a daemon re-checking it (denied → pending → denied) stays quiet; a keymap's
/// errors are remembered until a load succeeds, so saving the same mistake again stays quiet. The memory survives
/// the daemon restarting: the same problem after a restart is not news.
/// </summary>
public sealed class NotificationDecider
{
    private readonly Dictionary<string, (KeyboardState State, string? Cause)> _notifiedKeyboards = new(StringComparer.Ordinal);
    private string? _notifiedKeymapErrors;

    /// <summary>The notifications this snapshot calls for, given everything seen before.</summary>
    public IReadOnlyList<TrayNotification> Observe(DaemonSnapshot snapshot)
    {
        if (snapshot.Status is not { } status) return [];
        var notes = new List<TrayNotification>();
        foreach (var keyboard in status.Keyboards) ObserveKeyboard(keyboard, notes);
        foreach (var id in _notifiedKeyboards.Keys.Where(id => status.Keyboards.All(k => k.Id != id)).ToList())
            _notifiedKeyboards.Remove(id);
        ObserveKeymap(status.Keymap, notes);
        return notes;
    }

    /// <summary>
    /// The user clicked Reload and was already told it failed: the same errors arriving in the next status are
    /// not news.
    /// </summary>
    public void ReloadFailureShown(IReadOnlyList<DiagnosticDto> diagnostics) => _notifiedKeymapErrors = ErrorKey(diagnostics);

    /// <summary>The notification for a failed Reload click: the first error with its line:col.</summary>
    public static TrayNotification ReloadFailed(string message, IReadOnlyList<DiagnosticDto>? diagnostics)
    {
        var first = diagnostics?.FirstOrDefault(d => d.Severity == "error");
        var body = first is null ? message : $"{TrayViewBuilder.ErrorLine(first)}\nThe previous keymap keeps running.";
        return new TrayNotification("Remapper: keymap reload failed", body, Urgent: true);
    }

    private void ObserveKeyboard(KeyboardDto keyboard, List<TrayNotification> notes)
    {
        if (KeyboardText.IsProblem(keyboard.State))
        {
            var problem = (keyboard.State, keyboard.Cause);
            if (_notifiedKeyboards.TryGetValue(keyboard.Id, out var known) && known == problem) return;
            _notifiedKeyboards[keyboard.Id] = problem;
            var body = keyboard.Fix is { Length: > 0 } fix ? $"{KeyboardText.Describe(keyboard)}\n{fix}" : KeyboardText.Describe(keyboard);
            notes.Add(new TrayNotification($"Remapper: {keyboard.Name} is not remapped", body, Urgent: true));
        }
        else if (keyboard.State is KeyboardState.Seized or KeyboardState.Ignored or KeyboardState.Gone)
        {
            // It works (or is gone): the next denial is a new change worth telling.
            _notifiedKeyboards.Remove(keyboard.Id);
        }
    }

    private void ObserveKeymap(KeymapStatusDto keymap, List<TrayNotification> notes)
    {
        var errors = keymap.Diagnostics.Where(d => d.Severity == "error").ToList();
        if (errors.Count == 0)
        {
            if (keymap.Valid) _notifiedKeymapErrors = null;
            return;
        }
        var key = ErrorKey(errors);
        if (key == _notifiedKeymapErrors) return;
        _notifiedKeymapErrors = key;
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        notes.Add(new TrayNotification("Remapper: keymap error",
            $"{TrayViewBuilder.ErrorLine(errors[0])}{more}\nThe previous keymap keeps running.", Urgent: true));
    }

    private static string ErrorKey(IEnumerable<DiagnosticDto> diagnostics) =>
        string.Join("\n", diagnostics.Where(d => d.Severity == "error").Select(d => d.Text));
}
