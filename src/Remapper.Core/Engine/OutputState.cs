using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// The virtual keyboard as the engine drives it. Presses are reference-counted, so two physical keys
/// that both hold <c>left_shift</c> give one down and one up; a key is only reported when its visible
/// state changes. Suppression hides a held key for a while (a rule's mandatory modifiers) without
/// forgetting it is held.
/// </summary>
internal sealed class OutputState
{
    // Dense slots: keyboard page 0..255, consumer page 256..1279, generic desktop 1280..1535.
    private const int SlotCount = 1536;

    private readonly IKeyOutput _sink;
    private readonly byte[] _holds = new byte[SlotCount];
    private readonly byte[] _suppressions = new byte[SlotCount];
    private readonly ushort[] _down = new ushort[SlotCount]; // slots visibly down, for ReleaseAll
    private int _downCount;

    public OutputState(IKeyOutput sink) => _sink = sink;

    /// <summary>The modifier byte of what is visibly held (rules match against this).</summary>
    public byte Modifiers { get; private set; }

    public int DownCount => _downCount;

    public static bool IsSupported(Usage usage) => Slot(usage) >= 0;

    public bool IsDown(Usage usage)
    {
        int slot = Slot(usage);
        return slot >= 0 && _holds[slot] > 0 && _suppressions[slot] == 0;
    }

    public void Press(Usage usage)
    {
        int slot = Slot(usage);
        if (slot < 0 || _holds[slot] == byte.MaxValue) return;
        if (_holds[slot]++ == 0 && _suppressions[slot] == 0) Emit(slot, usage, true);
    }

    public void Release(Usage usage)
    {
        int slot = Slot(usage);
        if (slot < 0 || _holds[slot] == 0) return;
        if (--_holds[slot] == 0 && _suppressions[slot] == 0) Emit(slot, usage, false);
    }

    public void Suppress(Usage usage)
    {
        int slot = Slot(usage);
        if (slot < 0 || _suppressions[slot] == byte.MaxValue) return;
        if (_suppressions[slot]++ == 0 && _holds[slot] > 0) Emit(slot, usage, false);
    }

    public void Unsuppress(Usage usage)
    {
        int slot = Slot(usage);
        if (slot < 0 || _suppressions[slot] == 0) return;
        if (--_suppressions[slot] == 0 && _holds[slot] > 0) Emit(slot, usage, true);
    }

    /// <summary>Lets go of everything (emergency, pause, keymap swap): every visible key goes up once.</summary>
    public void ReleaseAll()
    {
        while (_downCount > 0)
        {
            int slot = _down[_downCount - 1];
            _holds[slot] = 0;
            _suppressions[slot] = 0;
            Emit(slot, FromSlot(slot), false);
        }
        Array.Clear(_holds);
        Array.Clear(_suppressions);
    }

    private void Emit(int slot, Usage usage, bool down)
    {
        if (down)
        {
            _down[_downCount++] = (ushort)slot;
        }
        else
        {
            int i = Array.LastIndexOf(_down, (ushort)slot, _downCount - 1, _downCount);
            if (i < 0) return;
            _down[i] = _down[--_downCount];
        }
        if (usage.IsModifier)
            Modifiers = down ? (byte)(Modifiers | usage.ModifierBit) : (byte)(Modifiers & ~usage.ModifierBit);
        _sink.Send(usage, down);
    }

    private static int Slot(Usage usage) => usage.Page switch
    {
        UsagePages.Keyboard when usage.Id < 256 => usage.Id,
        UsagePages.Consumer when usage.Id < 1024 => 256 + usage.Id,
        UsagePages.GenericDesktop when usage.Id < 256 => 1280 + usage.Id,
        _ => -1,
    };

    private static Usage FromSlot(int slot) => slot switch
    {
        < 256 => Usage.Key((ushort)slot),
        < 1280 => Usage.Consumer((ushort)(slot - 256)),
        _ => Usage.Desktop((ushort)(slot - 1280)),
    };
}
