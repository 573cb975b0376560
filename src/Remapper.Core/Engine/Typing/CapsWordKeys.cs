using Remapper.Core.Hid;

namespace Remapper.Core.Engine.Typing;

/// <summary>Which keys caps_word shifts and which it lets through without ending (everything else on the keyboard page ends it).</summary>
internal sealed class CapsWordKeys
{
    private readonly bool[] _shift = new bool[256];
    private readonly bool[] _continue = new bool[256];

    /// <summary>QMK's defaults: letters and minus (so it types an underscore) shifted; digits, keypad digits, backspace, delete and underscore continue.</summary>
    public static readonly CapsWordKeys Default = CreateDefault();

    public CapsWordKeys(IEnumerable<Usage> shift, IEnumerable<Usage> keep)
    {
        foreach (var key in shift) if (key.Page == UsagePages.Keyboard && key.Id < 256) _shift[key.Id] = true;
        foreach (var key in keep) if (key.Page == UsagePages.Keyboard && key.Id < 256) _continue[key.Id] = true;
    }

    public bool Shifts(Usage key) => key.Page == UsagePages.Keyboard && key.Id < 256 && _shift[key.Id];

    /// <summary>Keys off the keyboard page (media keys, mouse buttons) are none of caps_word's business: they never end it.</summary>
    public bool Continues(Usage key) => key.Page != UsagePages.Keyboard || (key.Id < 256 && _continue[key.Id]);

    private static CapsWordKeys CreateDefault()
    {
        var shift = new List<Usage>();
        for (ushort id = 0x04; id <= 0x1D; id++) shift.Add(Usage.Key(id)); // a–z
        shift.Add(Usage.Key(0x2D)); // minus → underscore
        var keep = new List<Usage>();
        for (ushort id = 0x1E; id <= 0x27; id++) keep.Add(Usage.Key(id)); // 1–0
        for (ushort id = 0x59; id <= 0x62; id++) keep.Add(Usage.Key(id)); // keypad 1–0
        keep.Add(Usages.Backspace);
        keep.Add(Usages.DeleteForward);
        return new CapsWordKeys(shift, keep);
    }
}
