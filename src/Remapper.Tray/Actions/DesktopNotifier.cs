using Remapper.Tray.Model;

namespace Remapper.Tray.Actions;

/// <summary>
/// Shows notifications through <c>notify-send</c> (Debian: libnotify-bin). Without it there are no popups — said once
/// in the log — and the icon alone tells the state.
/// </summary>
public sealed class DesktopNotifier(Action<string> log, string? notifySend, string? iconPath)
{
    private bool _toldMissing;

    public static DesktopNotifier Create(Action<string> log, string? iconDirectory)
    {
        var notifySend = ProcessLauncher.FindInPath("notify-send");
        var icon = iconDirectory is null ? null : Path.Combine(iconDirectory, "hicolor", "48x48", "status", "remapper-warning.png");
        return new DesktopNotifier(log, notifySend, icon is not null && File.Exists(icon) ? icon : null);
    }

    public void Show(TrayNotification note)
    {
        log($"notify: {note.Summary}: {note.Body.Replace('\n', ' ')}");
        if (notifySend is null)
        {
            if (!_toldMissing) log("notify-send not found (install libnotify-bin): no desktop notifications, the icon still shows the state");
            _toldMissing = true;
            return;
        }
        var args = new List<string> { "--app-name=Remapper", $"--urgency={(note.Urgent ? "critical" : "normal")}" };
        if (iconPath is not null) args.Add($"--icon={iconPath}");
        args.Add(note.Summary);
        args.Add(note.Body);
        if (!ProcessLauncher.Start(notifySend, args, out var problem)) log(problem);
    }
}
