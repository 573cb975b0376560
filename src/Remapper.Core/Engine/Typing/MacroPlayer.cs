using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Typing;

/// <summary>
/// The engine stage that plays macros (and text and unicode) on the engine's clock: one at a time, in the order
/// their keys were pressed, each step at its time, so a .keytest sees the same output on every run.
/// </summary>
/// <remarks>
/// Keys the user holds do not leak into what a macro types: each burst of steps (everything between two waits)
/// runs with the held modifiers lifted, and the held modifiers come back at its end. So shift held on a layer
/// key does not turn text("hello") into HELLO, and ctrl held does not turn it into shortcuts. A chord written
/// in the macro ("ctrl+c") carries its own modifiers. keyd does the same (it clears the active modifiers around
/// a macro); a macro that should add to held modifiers is written with them.
/// Nothing here allocates: the queue is a fixed array and programs are precompiled.
/// </remarks>
internal sealed class MacroPlayer(OutputState output)
{
    /// <summary>Macros pressed while one plays wait their turn; past this many, the oldest finishes at once.</summary>
    public const int Capacity = 8;

    private struct Playback
    {
        public MacroProgram Program;
        public int Step;
        public int Token;
        public int Device;
        public bool Held;
        public bool Again; // waiting to repeat: only if the key is still held when the gap ends
        public long NextAtUs;
    }

    private readonly Playback[] _queue = new Playback[Capacity];
    private readonly int[] _lifted = new int[8];
    private int _count;

    /// <summary>Macros playing or waiting (0 when idle).</summary>
    public int Count => _count;

    /// <summary>When the playing macro takes its next step, or <see cref="long.MaxValue"/>.</summary>
    public long DeadlineUs => _count > 0 ? _queue[0].NextAtUs : long.MaxValue;

    public void Start(MacroProgram program, in Trigger trigger)
    {
        if (_count == Capacity)
        {
            // Nine macro keys mashed during a long wait: rather than drop the newest, the oldest skips its waits.
            while (_queue[0].Step < _queue[0].Program.Steps.Length) RunBurst(ref _queue[0], ignoreDelays: true);
            RemoveHead();
        }
        _queue[_count++] = new Playback { Program = program, Token = trigger.Token, Device = trigger.Device, Held = true, NextAtUs = output.NowUs };
        if (_count == 1) Play();
    }

    /// <summary>The macro's key went up: a repeating macro stops after this run; cancel_on_release stops it now.</summary>
    public void KeyReleased(int token)
    {
        for (int i = _count - 1; i >= 0; i--)
        {
            if (_queue[i].Token != token) continue;
            _queue[i].Held = false;
            if ((_queue[i].Program.Cancel & MacroCancel.OnRelease) != 0) Remove(i);
        }
        Play();
    }

    /// <summary>Another key went down: macros with cancel_on_press stop (between steps, so nothing is left down).</summary>
    public void OtherKeyPressed()
    {
        for (int i = _count - 1; i >= 0; i--)
            if ((_queue[i].Program.Cancel & MacroCancel.OnOtherPress) != 0) Remove(i);
        Play();
    }

    /// <summary>A keyboard went away: the macros its keys started stop (between steps, so nothing is left down).</summary>
    public void StopDevice(int device)
    {
        for (int i = _count - 1; i >= 0; i--)
            if (_queue[i].Device == device) Remove(i);
        Play();
    }

    public void Fire(long nowUs)
    {
        if (_count > 0 && _queue[0].NextAtUs <= nowUs) Play();
    }

    /// <summary>Pause, emergency, unplug, reload: the output is released by the caller; the macros just stop.</summary>
    public void Reset()
    {
        Array.Clear(_queue, 0, _count);
        _count = 0;
    }

    private void Play()
    {
        while (_count > 0)
        {
            ref var head = ref _queue[0];
            if (head.NextAtUs > output.NowUs) return;
            if (head.Again && (!head.Held || _count > 1))
            {
                RemoveHead();
                continue;
            }
            head.Again = false;
            if (head.Step < head.Program.Steps.Length)
            {
                RunBurst(ref head, ignoreDelays: false);
                if (head.Step < head.Program.Steps.Length || head.NextAtUs > output.NowUs) return;
            }
            if (head.Held && head.Program.Repeats && _count == 1)
            {
                head.Step = 0;
                head.Again = true;
                head.NextAtUs = output.NowUs + head.Program.RepeatGapUs;
                if (head.Program.RepeatGapUs > 0) return;
                continue;
            }
            RemoveHead();
        }
    }

    /// <summary>Runs steps up to the next wait (which sets the next step's time) or the end.</summary>
    private void RunBurst(ref Playback playback, bool ignoreDelays)
    {
        var steps = playback.Program.Steps;
        LiftHeldModifiers();
        output.CapsWord.Suspended = true;
        while (playback.Step < steps.Length)
        {
            var step = steps[playback.Step++];
            switch (step.Op)
            {
                case MacroOp.Press:
                    output.Press(step.Key);
                    break;
                case MacroOp.Release:
                    output.Release(step.Key);
                    break;
                case MacroOp.Type:
                    bool shift = step.Shift ^ (UsLayout.IsLetterKey(step.Key) && output.CapsLockOn);
                    if (shift) output.Press(Usages.LeftShift);
                    output.Press(step.Key);
                    output.Release(step.Key);
                    if (shift) output.Release(Usages.LeftShift);
                    break;
                case MacroOp.Delay when !ignoreDelays:
                    playback.NextAtUs = output.NowUs + step.DelayUs;
                    output.CapsWord.Suspended = false;
                    RestoreHeldModifiers();
                    return;
            }
        }
        output.CapsWord.Suspended = false;
        RestoreHeldModifiers();
    }

    private void LiftHeldModifiers()
    {
        byte held = output.Modifiers;
        for (int bit = 0; bit < 8; bit++)
        {
            if ((held & (1 << bit)) == 0) continue;
            int count = output.HoldCount(bit);
            _lifted[bit] = count;
            output.ChangeModifier(Usage.Key((ushort)(0xE0 + bit)), -count, lazy: true);
        }
    }

    private void RestoreHeldModifiers()
    {
        bool any = false;
        for (int bit = 0; bit < 8; bit++)
        {
            if (_lifted[bit] == 0) continue;
            output.ChangeModifier(Usage.Key((ushort)(0xE0 + bit)), _lifted[bit], lazy: true);
            _lifted[bit] = 0;
            any = true;
        }
        // The user still holds them: the desktop sees them down again (a click after the macro is a ctrl+click).
        if (any) output.SyncModifiers();
    }

    private void RemoveHead() => Remove(0);

    private void Remove(int i)
    {
        bool wasPlaying = i == 0;
        Array.Copy(_queue, i + 1, _queue, i, _count - i - 1);
        _queue[--_count] = default;
        if (wasPlaying && _count > 0)
        {
            // The next one starts now, not at the time it was pressed.
            if (_queue[0].NextAtUs < output.NowUs) _queue[0].NextAtUs = output.NowUs;
        }
    }
}
