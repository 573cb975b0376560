namespace Remapper.Core.Engine;

/// <summary>A combo that fired and whose keys are not all up yet.</summary>
internal struct FiredCombo
{
    public int Combo;
    public int Device;

    /// <summary>Bit i set while the combo's key i is still physically down.</summary>
    public int Held;

    public bool Released;

    /// <summary>Its rule's events halted: nothing follows (no simultaneous_options.to_after_key_up).</summary>
    public bool Halted;

    /// <summary>When the first of its keys went down (a tap-hold that is the combo's action times its term from here).</summary>
    public long StartUs;
}

/// <summary>
/// The combo stage's own state: the presses held back while a combo may still form, releases waiting behind them,
/// the fired combos whose keys are still down, the combo waiting for its hold with what came meanwhile, and when a key last went through alone (combo_min_idle_ms). It
/// holds; the engine decides and acts (RemapEngine.Combos.cs). Its only timer is <see cref="DeadlineUs"/>.
/// </summary>
internal sealed class ComboStage
{
    public const int MaxKeys = 8;
    public const int MaxFired = 16;

    /// <summary>Events that may wait behind a combo's hold (hold_ms) before it gives up waiting and lets them through.</summary>
    public const int MaxHoldQueue = 32;

    /// <summary>Before any typing: far enough back that combo_min_idle_ms never blocks the first combo.</summary>
    private const long LongAgoUs = long.MinValue / 2;

    public readonly KeyEvent[] Buffer = new KeyEvent[MaxKeys];

    /// <summary>Releases of other keys that came while a simultaneous rule was waiting (they do not end the wait; Karabiner).</summary>
    public readonly KeyEvent[] HeldReleases = new KeyEvent[MaxKeys];
    public readonly FiredCombo[] Fired = new FiredCombo[MaxFired];

    /// <summary>Everything that came while the held keys wait out their combo's hold (hold_ms), in order.</summary>
    public readonly KeyEvent[] HoldQueue = new KeyEvent[MaxHoldQueue];
    public int HoldQueueCount;

    /// <summary>The combo the held-back keys form exactly, waiting for its hold (hold_ms) to run out; -1 while none.</summary>
    public int Holding = -1;

    public int Count;
    public int HeldReleaseCount;
    public int FiredCount;

    /// <summary>When the held-back presses are let through (or fire the combo they form); set when the first is held.</summary>
    public long WaitEndsUs;

    /// <summary>When a key press last went through as itself (combo_min_idle_ms counts from here).</summary>
    public long LonePressUs = LongAgoUs;

    /// <summary>The stage's timer: the end of the wait (the term, or the hold once <see cref="Holding"/>) while presses are held back, else none.</summary>
    public long DeadlineUs => Count > 0 ? WaitEndsUs : long.MaxValue;

    public void Reset()
    {
        Count = 0;
        HeldReleaseCount = 0;
        FiredCount = 0;
        HoldQueueCount = 0;
        Holding = -1;
        LonePressUs = LongAgoUs;
    }
}
