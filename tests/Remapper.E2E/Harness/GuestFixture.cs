namespace Remapper.E2E.Harness;

/// <summary>
/// One guest shared by a collection of scenarios, booted on first use (a collection whose tests all skip never
/// pays for a boot). Each scenario cleans up after itself through <see cref="ResetAsync"/>.
/// </summary>
public abstract class GuestFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _bootGate = new(1, 1);
    private Guest? _guest;
    private Exception? _bootFailure;

    /// <summary>Names the console log and the run directory.</summary>
    protected abstract string Name { get; }

    /// <summary>The guest-side tool's path (valid inside the guest: it sits on the host root).</summary>
    public static string Tool => Artifacts.GuestTool;

    public async Task<Guest> GuestAsync()
    {
        await _bootGate.WaitAsync();
        try
        {
            if (_bootFailure is not null)
            {
                // Booting again would cost every remaining scenario minutes of timeouts for the same answer.
                throw new InvalidOperationException($"the {Name} guest failed to boot for an earlier scenario: {_bootFailure.Message}", _bootFailure);
            }
            if (_guest is null)
            {
                try
                {
                    _guest = await BootAsync();
                }
                catch (Exception e)
                {
                    _bootFailure = e;
                    throw;
                }
            }
            return _guest;
        }
        finally
        {
            _bootGate.Release();
        }
    }

    private async Task<Guest> BootAsync()
    {
        GuestKernel kernel = GuestKernel.FindNewest()
            ?? throw new InvalidOperationException(Prerequisites.Problem ?? "no kernel under /boot");
        _ = Artifacts.GuestTool;
        string initramfs = Initramfs.Build(kernel);
        Guest guest = await Guest.BootAsync(kernel, initramfs, Name);
        try
        {
            await WaitForBootKeyboardsAsync(guest);
        }
        catch
        {
            await guest.DisposeAsync();
            throw;
        }
        E2ETimings.Record($"boot {Name}", guest.BootTime);
        return guest;
    }

    /// <summary>USB enumeration finishes a little after the guest is up; scenarios expect the USB keyboard present.</summary>
    private static async Task WaitForBootKeyboardsAsync(Guest guest)
    {
        await guest.RunOkAsync(
            "for i in $(seq 100); do grep -q 'QEMU USB Keyboard' /proc/bus/input/devices && exit 0; sleep 0.1; done; " +
            "echo 'no USB keyboard after 10 s'; cat /proc/bus/input/devices; exit 1");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_guest is not null)
        {
            await _guest.DisposeAsync();
        }
        _bootGate.Dispose();
    }
}
