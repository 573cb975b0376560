using Remapper.E2E.Harness;

namespace Remapper.E2E;

// One guest per collection. Collections run one after another (xunit.runner.json): two emulated guests on a
// two-core machine would only slow each other down.

[CollectionDefinition(Name)]
public sealed class SmokeCollection : ICollectionFixture<SmokeGuestFixture>
{
    public const string Name = "smoke guest";
}

public sealed class SmokeGuestFixture : GuestFixture
{
    protected override string Name => "smoke";
}

[CollectionDefinition(Name)]
public sealed class RemappingCollection : ICollectionFixture<RemappingGuestFixture>
{
    public const string Name = "remapping guest";
}

public sealed class RemappingGuestFixture : GuestFixture
{
    protected override string Name => "remapping";
}

/// <summary>Scenarios that take things away (permissions, /dev/uhid, a grab, the daemon itself) get a guest of their own.</summary>
[CollectionDefinition(Name)]
public sealed class AdverseCollection : ICollectionFixture<AdverseGuestFixture>
{
    public const string Name = "adverse guest";
}

public sealed class AdverseGuestFixture : GuestFixture
{
    protected override string Name => "adverse";
}
