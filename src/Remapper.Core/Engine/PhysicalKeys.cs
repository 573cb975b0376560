using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// Which physical keys are down, per keyboard. The engine's first filter: a second down for a held key
/// or an up for a key never seen down (after a resync, a pause, a restart) is dropped here, so the
/// stages behind it only ever see well-formed press/release pairs.
/// </summary>
internal sealed class PhysicalKeys
{
    private readonly int[] _devices;
    private readonly Usage[] _usages;

    public PhysicalKeys(int capacity)
    {
        _devices = new int[capacity];
        _usages = new Usage[capacity];
    }

    /// <summary>Keys down, in the order they went down.</summary>
    public int Count { get; private set; }

    public int DeviceAt(int i) => _devices[i];

    public Usage UsageAt(int i) => _usages[i];

    /// <summary>Records the change; false when it is not a real change (or the table is full) and must be dropped.</summary>
    public bool Apply(in KeyEvent e)
    {
        int i = IndexOf(e.Device, e.Usage);
        if (e.Down)
        {
            if (i >= 0 || Count == _devices.Length) return false;
            _devices[Count] = e.Device;
            _usages[Count] = e.Usage;
            Count++;
            return true;
        }
        if (i < 0) return false;
        // Keep press order (a keyboard that goes away is released in the order its keys went down).
        Count--;
        Array.Copy(_devices, i + 1, _devices, i, Count - i);
        Array.Copy(_usages, i + 1, _usages, i, Count - i);
        return true;
    }

    private int IndexOf(int device, Usage usage)
    {
        for (int i = 0; i < Count; i++)
            if (_devices[i] == device && _usages[i] == usage) return i;
        return -1;
    }
}
