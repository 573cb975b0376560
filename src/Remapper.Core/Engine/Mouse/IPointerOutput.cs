namespace Remapper.Core.Engine.Mouse;

/// <summary>
/// One report of the virtual pointer: the buttons held now (bit 0 = button 1 … bit 7 = button 8) and the motion
/// since the last report. HID directions: +X right, +Y down, +Wheel scrolls up (away from the user), +Pan right.
/// </summary>
public readonly record struct PointerReport(byte Buttons, short X, short Y, sbyte Wheel, sbyte Pan)
{
    public bool HasMotion => X != 0 || Y != 0 || Wheel != 0 || Pan != 0;
}

/// <summary>
/// Where the engine's pointer output goes: the virtual pointer in the daemon, a recorder in tests. Called once per
/// report (a button change, or a motion step of a mouse key); implementations on the hot path must not allocate.
/// </summary>
public interface IPointerOutput
{
    void SendPointer(in PointerReport report);
}
