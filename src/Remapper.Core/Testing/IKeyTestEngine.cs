using Remapper.Core.Devices;
using Remapper.Core.Engine;

namespace Remapper.Core.Testing;

/// <summary>
/// What the test runner drives: the engine's public surface. A seam so the runner's own behaviour
/// (virtual time, the diff, the final checks) can be tested with a stand-in engine.
/// </summary>
public interface IKeyTestEngine
{
    int AttachDevice(KeyboardIdentity identity);
    void DetachDevice(int slot, long nowUs);
    void Process(in KeyEvent e);
    void Advance(long nowUs);
    long NextDeadlineUs { get; }

    /// <summary>A keyboard's keys all went up without key-up events (<c>keys-released DEVICE</c>).</summary>
    void ReleaseDeviceKeys(int slot, long nowUs) =>
        throw new NotSupportedException("this engine cannot take `keys-released`");

    /// <summary>The caps lock LED changed (<c>led caps_lock on|off</c>).</summary>
    void SetCapsLockState(bool on) =>
        throw new NotSupportedException("this engine cannot take `led caps_lock`");
}

/// <summary>The real <see cref="RemapEngine"/> behind <see cref="IKeyTestEngine"/>.</summary>
internal sealed class RemapEngineUnderTest(RemapEngine engine) : IKeyTestEngine
{
    public int AttachDevice(KeyboardIdentity identity) => engine.AttachDevice(identity);
    public void DetachDevice(int slot, long nowUs) => engine.DetachDevice(slot, nowUs);
    public void Process(in KeyEvent e) => engine.Process(e);
    public void Advance(long nowUs) => engine.Advance(nowUs);
    public long NextDeadlineUs => engine.NextDeadlineUs;
    public void ReleaseDeviceKeys(int slot, long nowUs) => engine.ReleaseDeviceKeys(slot, nowUs);
    public void SetCapsLockState(bool on) => engine.SetCapsLockState(on);
}
