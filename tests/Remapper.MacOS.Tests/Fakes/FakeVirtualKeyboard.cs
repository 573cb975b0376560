using Remapper.Backend;
using Remapper.Core.Hid;
using Remapper.MacOS.Manager;

namespace Remapper.MacOS.Tests.Fakes;

/// <summary>The virtual keyboard as a recorder: what the engine typed, and a readiness the test controls.</summary>
public sealed class FakeVirtualKeyboard : IVirtualKeyboard
{
    private readonly Lock _gate = new();
    private readonly List<(Usage Usage, bool Down)> _sent = [];
    private readonly HashSet<Usage> _down = [];

    public volatile bool Ready;

    public bool IsReady => Ready;

    public OutputDeviceStatus Status => Ready
        ? new("fake", OutputDeviceState.Ready, "fake virtual keyboard")
        : new("fake", OutputDeviceState.Unavailable, "the fake driver's daemon is not running");

    public ulong RegistryId { get; set; }

    public void Send(Usage usage, bool down)
    {
        lock (_gate)
        {
            _sent.Add((usage, down));
            if (down) _down.Add(usage);
            else _down.Remove(usage);
        }
    }

    public List<(Usage Usage, bool Down)> Sent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    public bool IsDown(Usage usage)
    {
        lock (_gate) return _down.Contains(usage);
    }

    public int DownCount
    {
        get { lock (_gate) return _down.Count; }
    }
}
