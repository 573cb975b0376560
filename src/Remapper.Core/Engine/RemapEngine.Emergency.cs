namespace Remapper.Core.Engine;

/// <summary>
/// The emergency sequence (default left_control + spacebar + escape, held together on the physical keys):
/// releases every output key and pauses remapping; the same sequence resumes. It looks at physical keys
/// before any remapping, so a broken keymap cannot hide it.
/// </summary>
public sealed partial class RemapEngine
{
    /// <summary>Bit i set while emergency key i is physically down.</summary>
    private int _emergencyMask;

    /// <summary>True when this event completed the sequence (and was consumed by it).</summary>
    private bool CheckEmergency(in KeyEvent e)
    {
        var keys = _keymap.Emergency;
        int i = Array.IndexOf(keys, e.Usage);
        if (i < 0 || keys.Length < 2) return false;
        if (!e.Down)
        {
            _emergencyMask &= ~(1 << i);
            return false;
        }
        _emergencyMask |= 1 << i;
        if (_emergencyMask != (1 << keys.Length) - 1) return false;
        SetPaused(!IsPaused);
        return true;
    }
}
