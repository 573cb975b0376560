using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Manager;
using static Remapper.MacOS.Native.CoreFoundation;
using static Remapper.MacOS.Native.IOKit;

namespace Remapper.MacOS.Native;

/// <summary>
/// The thin native layer under <see cref="MacDeviceManager"/>: an IOHIDManager matching keyboards, keypads and
/// consumer-control devices on the loop thread's run loop, and per device a value callback registered and scheduled
/// as soon as it is matched — before any open, so nothing typed right after the seize is lost (as Karabiner does).
/// Everything leaves here as plain data: properties as a record, values as (page, usage, value).
/// </summary>
internal sealed unsafe class IOKitHidPort(CFRunLoopDriver loop) : IHidDevicePort
{
    private const int LedPage = 0x08, CapsLockLed = 0x02;

    private sealed class DeviceRecord(nint device, ulong id, IOKitHidPort port)
    {
        public nint Device { get; } = device;
        public ulong Id { get; } = id;
        public IOKitHidPort Port { get; } = port;
        public GCHandle Handle;
        public bool Opened;
        public nint CapsLockElement = -1; // -1: not looked up yet; 0: none
    }

    private readonly Dictionary<nint, DeviceRecord> _byRef = [];
    private readonly Dictionary<ulong, DeviceRecord> _byId = [];
    private IHidEventSink? _sink;
    private nint _manager;
    private GCHandle _self;

    public void Start(IHidEventSink sink)
    {
        _sink = sink;
        _self = GCHandle.Alloc(this);
        _manager = IOHIDManagerCreate(0, OptionsTypeNone);
        nint matching = HidMatching.Create();
        IOHIDManagerSetDeviceMatchingMultiple(_manager, matching);
        CFRelease(matching);
        nint context = GCHandle.ToIntPtr(_self);
        IOHIDManagerRegisterDeviceMatchingCallback(_manager, &OnMatched, context);
        IOHIDManagerRegisterDeviceRemovalCallback(_manager, &OnRemoved, context);
        // Scheduling starts the matching: present devices are reported on the loop's first runs, later ones as they come.
        // The manager itself is not opened — that would open every device; each keyboard is opened (seized) on its own.
        IOHIDManagerScheduleWithRunLoop(_manager, loop.RunLoop, loop.Mode);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMatched(nint context, int result, nint sender, nint device)
    {
        if (result != 0 || device == 0 || GCHandle.FromIntPtr(context).Target is not IOKitHidPort port) return;
        port.Matched(device);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnRemoved(nint context, int result, nint sender, nint device)
    {
        if (device == 0 || GCHandle.FromIntPtr(context).Target is not IOKitHidPort port) return;
        port.Removed(device);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnValue(nint context, int result, nint sender, nint value)
    {
        if (result != 0 || value == 0 || GCHandle.FromIntPtr(context).Target is not DeviceRecord record) return;
        nint element = IOHIDValueGetElement(value);
        if (element == 0) return;
        // Stamped on arrival: the callback runs on the loop thread at once, and the engine's clock is this one.
        record.Port._sink?.OnInput(record.Id, IOHIDElementGetUsagePage(element), IOHIDElementGetUsage(element),
            IOHIDValueGetIntegerValue(value), MacClock.NowUs());
    }

    private void Matched(nint device)
    {
        if (_byRef.ContainsKey(device)) return;
        ulong id = HidPropertyReader.RegistryId(device);
        CFRetain(device);
        var record = new DeviceRecord(device, id, this);
        record.Handle = GCHandle.Alloc(record);
        _byRef[device] = record;
        _byId[id] = record;
        IOHIDDeviceRegisterInputValueCallback(device, &OnValue, GCHandle.ToIntPtr(record.Handle));
        IOHIDDeviceScheduleWithRunLoop(device, loop.RunLoop, loop.Mode);
        _sink?.OnMatched(HidPropertyReader.Read(device, id));
    }

    private void Removed(nint device)
    {
        if (!_byRef.Remove(device, out var record)) return;
        _byId.Remove(record.Id);
        _sink?.OnRemoved(record.Id);
        Forget(record, close: false);
    }

    private void Forget(DeviceRecord record, bool close)
    {
        if (close && record.Opened) IOHIDDeviceClose(record.Device, OptionsTypeNone);
        record.Opened = false;
        IOHIDDeviceRegisterInputValueCallback(record.Device, null, 0);
        IOHIDDeviceUnscheduleFromRunLoop(record.Device, loop.RunLoop, loop.Mode);
        if (record.CapsLockElement > 0) CFRelease(record.CapsLockElement);
        record.Handle.Free();
        CFRelease(record.Device);
    }

    public IOReturnCode Seize(ulong registryId)
    {
        if (!_byId.TryGetValue(registryId, out var record)) return new IOReturnCode(IOReturnCode.NoDevice);
        if (record.Opened) return new IOReturnCode(IOReturnCode.Success);
        var result = IOReturnCode.From(IOHIDDeviceOpen(record.Device, OptionsTypeSeizeDevice));
        record.Opened = result.IsSuccess;
        return result;
    }

    public void Release(ulong registryId)
    {
        if (!_byId.TryGetValue(registryId, out var record) || !record.Opened) return;
        IOHIDDeviceClose(record.Device, OptionsTypeNone);
        record.Opened = false;
    }

    public bool SetCapsLockLed(ulong registryId, bool on)
    {
        if (!_byId.TryGetValue(registryId, out var record) || !record.Opened) return false;
        nint element = CapsLockElement(record);
        if (element == 0) return false;
        nint value = IOHIDValueCreateWithIntegerValue(0, element, 0, on ? 1 : 0);
        if (value == 0) return false;
        try { return IOHIDDeviceSetValue(record.Device, element, value) == 0; }
        finally { CFRelease(value); }
    }

    public bool? ReadCapsLockLed(ulong registryId)
    {
        if (!_byId.TryGetValue(registryId, out var record)) return null;
        if (!record.Opened)
        {
            // The virtual keyboard is opened without seizing, only to read its LED (what macOS thinks caps lock is).
            if (IOHIDDeviceOpen(record.Device, OptionsTypeNone) != 0) return null;
            record.Opened = true;
        }
        nint element = CapsLockElement(record);
        if (element == 0) return null;
        nint value = 0;
        if (IOHIDDeviceGetValue(record.Device, element, &value) != 0 || value == 0) return null;
        return IOHIDValueGetIntegerValue(value) != 0;
    }

    private static nint CapsLockElement(DeviceRecord record)
    {
        if (record.CapsLockElement >= 0) return record.CapsLockElement;
        nint matching = CFValues.CreateDictionary();
        CFValues.SetNumber(matching, "UsagePage", LedPage);
        CFValues.SetNumber(matching, "Usage", CapsLockLed);
        nint elements = IOHIDDeviceCopyMatchingElements(record.Device, matching, OptionsTypeNone);
        CFRelease(matching);
        nint element = 0;
        if (elements != 0)
        {
            if (CFArrayGetCount(elements) > 0) element = CFRetain(CFArrayGetValueAtIndex(elements, 0));
            CFRelease(elements);
        }
        record.CapsLockElement = element;
        return element;
    }

    public InputMonitoringAccess CheckAccess() => IOKitDeviceList.Access();

    public void RequestAccess() => IOHIDRequestAccess(RequestTypeListenEvent);

    public void Dispose()
    {
        foreach (var record in _byRef.Values) Forget(record, close: true);
        _byRef.Clear();
        _byId.Clear();
        if (_manager != 0)
        {
            IOHIDManagerUnscheduleFromRunLoop(_manager, loop.RunLoop, loop.Mode);
            CFRelease(_manager);
            _manager = 0;
        }
        if (_self.IsAllocated) _self.Free();
    }
}
