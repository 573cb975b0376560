using Remapper.Backend;
using Remapper.Core.Hid;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Manager;
using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Output;

/// <summary>
/// The engine's output on macOS: each change becomes the full driver report it belongs to, posted to the DriverKit
/// virtual keyboard. Send runs on the loop thread and allocates nothing; the status is computed when the client's
/// state changes (it looks at the installed files), never per key.
/// </summary>
public sealed class DriverKitKeyboard : IVirtualKeyboard, IDisposable
{
    private readonly VirtualHidClient _client;
    private readonly DriverInstallation _installation;
    private readonly DriverKitReports _reports = new();
    private volatile OutputDeviceStatus _status;

    public DriverKitKeyboard(VirtualHidClient client, DriverInstallation installation)
    {
        _client = client;
        _installation = installation;
        _status = DriverExplainer.Explain(client.Status, installation);
        client.StatusChanged += s =>
        {
            _status = DriverExplainer.Explain(s, _installation);
            StatusChanged?.Invoke();
        };
    }

    /// <summary>Raised on the client's thread when <see cref="Status"/> or <see cref="IsReady"/> may have changed.</summary>
    public event Action? StatusChanged;

    public bool IsReady => _client.Status.IsReady;

    public OutputDeviceStatus Status => _status;

    public ulong RegistryId { get; set; }

    /// <summary>Key presses that found all 32 slots of their report taken.</summary>
    public long Dropped => _reports.Dropped;

    public void Send(Usage usage, bool down)
    {
        var report = _reports.Apply(usage, down, out var kind);
        if (report.IsEmpty) return;
        _client.Post(kind switch
        {
            DriverReport.Keyboard => DriverRequest.PostKeyboardReport,
            DriverReport.Consumer => DriverRequest.PostConsumerReport,
            _ => DriverRequest.PostGenericDesktopReport,
        }, report);
    }

    public void Start() => _client.Start();

    public void Dispose() => _client.Dispose();
}
