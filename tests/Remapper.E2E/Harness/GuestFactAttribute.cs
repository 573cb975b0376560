namespace Remapper.E2E.Harness;

/// <summary>
/// A fact that needs a bootable guest. xunit 2 has no run-time skip, so the decision is made when the attribute is
/// created (during discovery), from <see cref="Prerequisites"/> — which installs missing packages when it can.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GuestFactAttribute : FactAttribute
{
    public GuestFactAttribute()
    {
        if (Prerequisites.Problem is { } problem)
        {
            Skip = problem;
        }
    }
}

/// <summary>
/// A fact that runs the published <c>remapper</c> in the guest: skipped while there is no guest, and (outside CI)
/// when <c>remapper</c> does not publish (reason "remapper binary not published ..."). Such tests also carry
/// [Trait("needs", "remapper")].
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RemapperFactAttribute : FactAttribute
{
    public RemapperFactAttribute()
    {
        if (Prerequisites.Problem is { } problem)
        {
            Skip = problem;
        }
        else if (Artifacts.Remapper.Problem is { } missing && Environment.GetEnvironmentVariable("CI") != "true")
        {
            // Locally a broken publish skips with its error; in CI it must fail, so it runs and throws on use.
            Skip = missing;
        }
    }
}
