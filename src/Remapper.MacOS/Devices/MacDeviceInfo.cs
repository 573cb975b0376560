using Remapper.Core.Devices;

namespace Remapper.MacOS.Devices;

/// <summary>A matched device after classification: who it is (for <c>[[device]]</c> blocks) and what it is.</summary>
public sealed record MacDeviceInfo(HidDeviceProperties Properties, KeyboardIdentity Identity, MacDeviceKind Kind)
{
    public ulong RegistryId => Properties.RegistryId;

    /// <summary>Where the user can find it: the IORegistry id and the location id, e.g. <c>IOService:0x1000005a1 (location 0x14200000)</c>.</summary>
    public string Path => Properties.LocationId is { } location
        ? $"IOService:0x{RegistryId:x} (location 0x{location:x8})"
        : $"IOService:0x{RegistryId:x}";

    public bool IsCandidate => Kind is MacDeviceKind.Keyboard or MacDeviceKind.ConsumerKeys;
}
