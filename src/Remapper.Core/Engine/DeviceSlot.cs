using Remapper.Core.Devices;

namespace Remapper.Core.Engine;

/// <summary>What the engine precomputes about an attached keyboard so no matching happens per event.</summary>
internal sealed class DeviceSlot
{
    public KeyboardIdentity? Identity { get; private set; }

    /// <summary>Index of the first matching <c>[[device]]</c> block, or -1.</summary>
    public int Profile { get; private set; } = -1;

    /// <summary>The keymap says to leave this keyboard alone: its keys pass through unchanged.</summary>
    public bool Ignored { get; private set; }

    /// <summary>One entry per <c>device_if</c>/<c>device_unless</c> condition in the keymap: does this keyboard match it.</summary>
    public bool[] ConditionMatches { get; private set; } = [];

    public bool InUse => Identity is not null;

    public void Attach(KeyboardIdentity identity, CompiledKeymap keymap)
    {
        Identity = identity;
        Configure(keymap);
    }

    public void Configure(CompiledKeymap keymap)
    {
        if (Identity is null) return;
        Profile = keymap.ProfileFor(Identity);
        Ignored = Profile >= 0 && keymap.Model.Devices[Profile].Ignore;
        var matches = new bool[keymap.DeviceConditions.Length];
        for (int i = 0; i < matches.Length; i++)
        {
            foreach (var match in keymap.DeviceConditions[i])
                matches[i] |= match.Matches(Identity);
        }
        ConditionMatches = matches;
    }

    public void Detach()
    {
        Identity = null;
        Profile = -1;
        Ignored = false;
        ConditionMatches = [];
    }
}
