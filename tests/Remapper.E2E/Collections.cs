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
