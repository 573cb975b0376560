namespace Remapper.E2E.Harness;

/// <summary>
/// <c>remapper run</c> in the foreground inside the guest, as the CLI contract describes it: it prints
/// <c>remapper: ready (output: uhid|uinput)</c> on stdout once the virtual keyboard exists and the first scan is
/// done, and stops cleanly on SIGINT or SIGTERM.
/// </summary>
public sealed class RemapperProcess : IAsyncDisposable
{
    public const string ReadyMarker = "remapper: ready (output: ";
    public const string VirtualKeyboardName = "Remapper Virtual Keyboard";

    /// <summary>Mouse keys' output device, beside the virtual keyboard.</summary>
    public const string VirtualPointerName = "Remapper Virtual Pointer";

    /// <summary>Runs a command as uid/gid 1000 with no supplementary groups (the host's setpriv, from util-linux).</summary>
    public const string AsUnprivilegedUser = "setpriv --reuid=1000 --regid=1000 --clear-groups";

    private static int s_configs;

    private RemapperProcess(GuestJob job, string output)
    {
        Job = job;
        OutputKind = output;
    }

    public GuestJob Job { get; }

    /// <summary>"uhid" or "uinput", as the ready line said.</summary>
    public string OutputKind { get; }

    public static string Binary =>
        Artifacts.Remapper.BinaryPath ?? throw new InvalidOperationException(Artifacts.Remapper.Problem);

    /// <summary>Writes the keymap into the exchange share and returns its path inside the guest.</summary>
    public static string WriteKeymap(Guest guest, string toml) =>
        guest.WriteExchangeFile($"keymap-{Interlocked.Increment(ref s_configs)}.toml", toml);

    /// <summary>Starts <c>remapper run --config</c> and returns once it is ready.</summary>
    /// <param name="runAs">A command prefix such as <see cref="AsUnprivilegedUser"/>, or null for root.</param>
    public static async Task<RemapperProcess> StartAsync(Guest guest, string keymapToml, string? runAs = null, string extraArguments = "")
    {
        string config = WriteKeymap(guest, keymapToml);
        GuestJob job = await guest.StartAsync($"exec {runAs} {Binary} run --config {config} {extraArguments}");
        string ready = await job.WaitForLineAsync(ReadyMarker, TimeSpan.FromSeconds(90));
        string output = ready[(ready.IndexOf(ReadyMarker, StringComparison.Ordinal) + ReadyMarker.Length)..].TrimEnd(')', ' ');
        return new RemapperProcess(job, output);
    }

    /// <summary>The virtual keyboard's node: the device named "Remapper Virtual Keyboard".</summary>
    public static Task<InputDevice> VirtualPointerAsync(Guest guest) =>
        GuestTool.WaitForDeviceAsync(guest, d => d.Name == VirtualPointerName, "the Remapper Virtual Pointer");

    public static Task<InputDevice> VirtualKeyboardAsync(Guest guest) =>
        GuestTool.WaitForDeviceAsync(guest, d => d.Name == VirtualKeyboardName, "the Remapper Virtual Keyboard");

    /// <summary>Runs <c>remapper devices --json</c> (or <c>doctor --json</c>) and parses what it printed.</summary>
    public static async Task<RemapperStatus> QueryAsync(Guest guest, string command, string? runAs = null)
    {
        GuestResult result = await guest.RunAsync($"{runAs} {Binary} {command} --json 2>/dev/null", TimeSpan.FromSeconds(90));
        return RemapperStatus.Parse(result);
    }

    public Task<int> StopAsync(string signal = "TERM") => Job.StopAsync(signal);

    public ValueTask DisposeAsync() => Job.DisposeAsync();
}
