using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Backend;
using Remapper.Backend.Monitor;

namespace Remapper.Tray.Tests.Fakes;

/// <summary>A backend with no loop and no devices: its status is whatever the test sets; pause works as the daemon's does.</summary>
internal sealed class FakeBackend : IRemapBackend
{
    public static readonly KeyboardStatus Laptop = new(
        new KeyboardIdentity("i8042:0001:0001:laptop", "AT Translated Set 2 keyboard", DeviceBus.I8042, 1, 1, "laptop"), "/dev/input/event0",
        KeyboardState.Seized, "seized /dev/input/event0");

    private BackendStatus _status = BackendStatus.Starting with
    {
        Output = new OutputDeviceStatus("fake", OutputDeviceState.Ready, "an in-memory recorder"),
        Keyboards = [Laptop],
    };

    public BackendStatus Status => Volatile.Read(ref _status);

    public event Action<BackendStatus>? StatusChanged;

    public MonitorRing Monitor { get; } = new(16);

    public long Heartbeat => 0;

    public void SetKeyboards(params KeyboardStatus[] keyboards) => Publish(Status with { Keyboards = keyboards });

    public Task ApplyKeymapAsync(CompiledKeymap keymap, CancellationToken cancellation = default) => Task.CompletedTask;

    public Task SetPausedAsync(bool paused, CancellationToken cancellation = default)
    {
        Publish(Status with { Paused = paused });
        return Task.CompletedTask;
    }

    public Task<bool> SetVariableAsync(string name, int value, CancellationToken cancellation = default) => Task.FromResult(false);

    public Task<bool> SetBaseLayerAsync(string layer, CancellationToken cancellation = default) => Task.FromResult(false);

    private void Publish(BackendStatus status)
    {
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }
}
