using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Manager;

namespace Remapper.MacOS.Tests.Fakes;

/// <summary>IOKit as the device manager sees it: opens answer what the test says, and every call is recorded.</summary>
public sealed class FakeHidPort : IHidDevicePort
{
    /// <summary>What IOHIDDeviceOpen returns per device (success when absent).</summary>
    public Dictionary<ulong, uint> OpenResults { get; } = [];

    public HashSet<ulong> Seized { get; } = [];
    public List<ulong> SeizeCalls { get; } = [];
    public List<(ulong Id, bool On)> LedCalls { get; } = [];
    public Dictionary<ulong, bool> CapsLockLeds { get; } = [];
    public InputMonitoringAccess Access { get; set; } = InputMonitoringAccess.Granted;

    /// <summary>When set, access becomes Granted the moment macOS's prompt is requested (the user clicks Allow).</summary>
    public bool GrantOnRequest { get; set; }

    public int AccessRequests { get; private set; }
    public IHidEventSink? Sink { get; private set; }
    public bool Disposed { get; private set; }

    /// <summary>Devices reported as present at start.</summary>
    public List<HidDeviceProperties> Present { get; } = [];

    public void Start(IHidEventSink sink)
    {
        Sink = sink;
        foreach (var device in Present) sink.OnMatched(device);
    }

    public IOReturnCode Seize(ulong registryId)
    {
        SeizeCalls.Add(registryId);
        uint result = OpenResults.TryGetValue(registryId, out var r) ? r : IOReturnCode.Success;
        if (result == IOReturnCode.Success) Seized.Add(registryId);
        return new IOReturnCode(result);
    }

    public void Release(ulong registryId) => Seized.Remove(registryId);

    public bool SetCapsLockLed(ulong registryId, bool on)
    {
        LedCalls.Add((registryId, on));
        return true;
    }

    public bool? ReadCapsLockLed(ulong registryId) => CapsLockLeds.TryGetValue(registryId, out var on) ? on : null;

    public InputMonitoringAccess CheckAccess() => Access;

    public void RequestAccess()
    {
        AccessRequests++;
        if (GrantOnRequest) Access = InputMonitoringAccess.Granted;
    }

    public void Dispose() => Disposed = true;
}
