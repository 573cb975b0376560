using System.Diagnostics;
using System.Reflection;
using Xunit.Abstractions;

namespace Remapper.E2E.Harness;

/// <summary>
/// Base of a scenario class: gives each test the collection's guest and, afterwards, puts the guest back the way
/// it found it (every job killed, device permissions and /dev/uhid restored), so scenarios stay independent
/// while sharing one boot.
/// </summary>
public abstract class GuestScenario : IAsyncLifetime
{
    private readonly GuestFixture _fixture;
    private readonly Stopwatch _clock = new();
    private Guest? _guest;

    protected GuestScenario(GuestFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        Output = output;
    }

    protected ITestOutputHelper Output { get; }

    protected Guest Guest => _guest ?? throw new InvalidOperationException("the guest is not booted yet");

    protected static string Tool => GuestFixture.Tool;

    public async Task InitializeAsync()
    {
        _guest = await _fixture.GuestAsync();
        _clock.Start();
    }

    public async Task DisposeAsync()
    {
        if (_guest is null)
        {
            return;
        }
        // Background programs (remapper, readers, keyboards) explain most failures: show what they printed.
        foreach (GuestJob job in await _guest.KillAllJobsAsync())
        {
            if (!job.Command.StartsWith("echo ", StringComparison.Ordinal) && !job.Command.Contains(" list", StringComparison.Ordinal))
            {
                Output.WriteLine($"--- job {job.Id}: {job.Command}\n{Tail(job.Output, 40)}");
            }
        }
        // uhid and uinput are misc devices 10:239 and 10:223; scenarios remove or chmod them and the input nodes.
        await _guest.RunAsync(
            "[ -e /dev/uhid ] || mknod -m 600 /dev/uhid c 10 239; chmod 600 /dev/uhid /dev/uinput /dev/input/event*; " +
            "chown root:root /dev/uhid /dev/uinput /dev/input/event*");
        await _guest.KillAllJobsAsync(); // forget the reset itself: the next scenario's report starts clean
        string name = TestName();
        E2ETimings.Record(name, _clock.Elapsed);
        Output.WriteLine($"scenario took {_clock.Elapsed.TotalSeconds:0.0} s (guest console log: {_guest.ConsoleLogPath})");
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>xunit 2 does not hand a test its own name; its output helper knows it.</summary>
    private string TestName()
    {
        object? test = Output.GetType().GetField("test", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(Output);
        return (test as ITest)?.DisplayName ?? GetType().Name;
    }
}
