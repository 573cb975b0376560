using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>
/// The rule matcher's state, owned by the rules stage (RemapEngine.Rules.cs) rather than shared engine fields:
/// to_delayed_actions and hold_down_milliseconds releases waiting for their time (they outlive the key press
/// that started them), and which device conditions some attached keyboard matches (device_exists_if).
/// It has its own reset and its own deadline. Fixed-size tables: nothing is allocated per event.
/// </summary>
internal sealed class RuleStage
{
    public const int MaxDelayedActions = 16;
    public const int MaxHoldDowns = 32;

    public readonly PendingDelayed[] Delayed = new PendingDelayed[MaxDelayedActions];
    public readonly PendingHoldDown[] HoldDowns = new PendingHoldDown[MaxHoldDowns];
    public int DelayedCount;
    public int HoldDownCount;

    /// <summary>Device-condition index → does any attached keyboard match it (recomputed on attach, detach and keymap swap).</summary>
    public bool[] DeviceExists = [];

    /// <summary>When the earliest waiting delayed action or hold-down release is due, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs
    {
        get
        {
            long deadline = long.MaxValue;
            for (int i = 0; i < DelayedCount; i++)
                if (Delayed[i].AtUs < deadline) deadline = Delayed[i].AtUs;
            for (int i = 0; i < HoldDownCount; i++)
                if (HoldDowns[i].AtUs < deadline) deadline = HoldDowns[i].AtUs;
            return deadline;
        }
    }

    /// <summary>Forgets everything waiting (the output it would have released is released by the engine's reset).</summary>
    public void Reset()
    {
        DelayedCount = 0;
        HoldDownCount = 0;
    }
}

/// <summary>A to_delayed_action waiting for its delay.</summary>
internal struct PendingDelayed
{
    public CompiledRule Rule;
    public int Token;
    public int Device;
    public long AtUs;
    public byte DownModifiers;
    public byte Consumed;
}

/// <summary>A to-key sent with hold_down_milliseconds: released when its time comes.</summary>
internal struct PendingHoldDown
{
    public Usage Key;
    public bool Lazy;
    public long AtUs;
}
