using Remapper.Ipc;
using Remapper.Tray.Actions;
using Remapper.Tray.Following;
using Remapper.Tray.Model;

namespace Remapper.Tray;

/// <summary>
/// The tray without its UI toolkit: follows the daemon, turns each snapshot into a <see cref="TrayView"/>, decides
/// notifications, and carries out menu commands. Its events fire on background threads; the UI marshals them.
/// </summary>
public sealed class TrayController : IDisposable
{
    private readonly StatusFollower _follower;
    private readonly NotificationDecider _decider = new();
    private readonly Lock _deciderGate = new();
    private readonly DesktopNotifier _notifier;
    private readonly Action<string> _log;
    private TrayView _view;

    public TrayController(IReadOnlyList<string> sockets, Action<string> log, string? iconDirectory, TimeSpan? interval = null)
    {
        _log = log;
        _follower = new StatusFollower(sockets, interval, log);
        _notifier = DesktopNotifier.Create(log, iconDirectory);
        _view = TrayViewBuilder.Build(DaemonSnapshot.Unknown);
        _follower.Changed += OnSnapshot;
    }

    public TrayView View => Volatile.Read(ref _view);

    /// <summary>A new view (on the follower's thread).</summary>
    public event Action<TrayView>? ViewChanged;

    /// <summary>Text to show in a window (title, text): diagnostics when no terminal is installed.</summary>
    public event Action<string, string>? ShowText;

    public void Start() => _follower.Start();

    /// <summary>Carries out a menu command without blocking the caller (the UI thread): IPC and processes run on the pool.</summary>
    public void Execute(TrayCommand command)
    {
        switch (command)
        {
            case TrayCommand.Pause:
                _ = Task.Run(() => Send(new IpcRequest { Cmd = "pause" }, "pause"));
                break;
            case TrayCommand.Resume:
                _ = Task.Run(() => Send(new IpcRequest { Cmd = "resume" }, "resume"));
                break;
            case TrayCommand.Reload:
                _ = Task.Run(Reload);
                break;
            case TrayCommand.OpenKeymap:
                OpenKeymap();
                break;
            case TrayCommand.ShowDiagnostics:
                _ = Task.Run(ShowDiagnostics);
                break;
        }
    }

    private void OnSnapshot(DaemonSnapshot snapshot)
    {
        var view = TrayViewBuilder.Build(snapshot);
        Volatile.Write(ref _view, view);
        _log($"state: {view.State}: {view.Tooltip.Replace("\n", " | ")}");
        IReadOnlyList<TrayNotification> notes;
        lock (_deciderGate) notes = _decider.Observe(snapshot);
        foreach (var note in notes) _notifier.Show(note);
        ViewChanged?.Invoke(view);
    }

    private IpcResponse? Send(IpcRequest request, string what)
    {
        var response = _follower.Send(request, out var problem);
        if (response is null)
            _notifier.Show(new TrayNotification($"Remapper: {what} failed", problem, Urgent: false));
        else if (!response.Ok && response.Error?.Code != IpcErrorCodes.InvalidKeymap)
            _notifier.Show(new TrayNotification($"Remapper: {what} failed", response.Error?.Message ?? "unknown error", Urgent: false));
        _follower.Poke();
        return response;
    }

    private void Reload()
    {
        var response = Send(new IpcRequest { Cmd = "reload" }, "reload");
        if (response is { Ok: false, Error: { Code: IpcErrorCodes.InvalidKeymap } error })
        {
            // The user asked: tell them even if the same errors were shown before, but not twice for one click.
            lock (_deciderGate) _decider.ReloadFailureShown(error.Diagnostics ?? []);
            _notifier.Show(NotificationDecider.ReloadFailed(error.Message, error.Diagnostics));
        }
    }

    private void OpenKeymap()
    {
        if (View.KeymapPath is not { } path) return;
        if (!File.Exists(path))
        {
            // Your keymap does not exist yet (the shipped default runs): write the commented starter first.
            var self = SelfInvocation.Current();
            ProcessLauncher.Capture(self.FileName, self.With("init", "--config", path), TimeSpan.FromSeconds(30));
        }
        var opener = ProcessLauncher.FindInPath("xdg-open");
        if (opener is null)
        {
            _notifier.Show(new TrayNotification("Remapper: cannot open the keymap", $"xdg-open is not installed (xdg-utils); the keymap is {path}", false));
            return;
        }
        if (!ProcessLauncher.Start(opener, [path], out var problem)) _log(problem);
    }

    private void ShowDiagnostics()
    {
        var self = SelfInvocation.Current();
        var doctor = new List<string> { self.FileName };
        doctor.AddRange(self.With("doctor"));
        if (TerminalCommand.For(n => ProcessLauncher.FindInPath(n), doctor) is { } terminal
            && ProcessLauncher.Start(terminal.FileName, terminal.Arguments, out _))
            return;
        var text = ProcessLauncher.Capture(self.FileName, self.With("doctor"), TimeSpan.FromSeconds(30));
        ShowText?.Invoke("remapper doctor", text);
    }

    public void Dispose() => _follower.Dispose();
}
