namespace Remapper.Core.Engine;

/// <summary>
/// The overload stage (keyd's <c>overload(layer, key)</c>, a tap-hold with <c>mode = "overload"</c>): the hold
/// starts at once on press, and the release taps the key only if no other key went down meanwhile and the key
/// was held less than its term. Pressing another key disarms the tap, so at most one overload key is armed
/// at a time: a few fields, no allocation, nothing to time (the term is checked on release).
/// </summary>
internal sealed class OverloadStage
{
    private int _armedToken;
    private int _armedDevice = -1;
    private long _tapBeforeUs;
    private byte _liftModifiers;

    /// <summary>
    /// The press <paramref name="token"/> taps if released before <paramref name="tapBeforeUs"/> with no other key
    /// pressed; the tap is typed without <paramref name="liftModifiers"/> (those of the layer the key is bound in).
    /// </summary>
    public void Arm(int token, int device, long tapBeforeUs, byte liftModifiers)
    {
        _armedToken = token;
        _armedDevice = device;
        _tapBeforeUs = tapBeforeUs;
        _liftModifiers = liftModifiers;
    }

    /// <summary>Another key went down: the armed overload key (if any) stays a hold.</summary>
    public void OtherKeyPressed() => Reset();

    /// <summary>Whether the release of press <paramref name="token"/> now would tap (without taking the tap).</summary>
    public bool WouldTap(int token, long nowUs) => token != 0 && token == _armedToken && nowUs < _tapBeforeUs;

    /// <summary>True once, if the press <paramref name="token"/> is still armed and released in time.</summary>
    public bool TakeTap(int token, long nowUs, out byte liftModifiers)
    {
        liftModifiers = 0;
        if (token == 0 || token != _armedToken) return false;
        liftModifiers = _liftModifiers;
        bool inTime = nowUs < _tapBeforeUs;
        Reset();
        return inTime;
    }

    /// <summary>A keyboard went away or let go of its keys: its overload key's release is no tap (nothing typed on unplug).</summary>
    public void ForgetDevice(int device)
    {
        if (device == _armedDevice) Reset();
    }

    public void Reset()
    {
        _armedToken = 0;
        _armedDevice = -1;
        _tapBeforeUs = 0;
        _liftModifiers = 0;
    }
}
