using System.Diagnostics;
using System.Globalization;
using Remapper.E2E.Harness;
using Remapper.LatencyRunner;

// Measures latency, footprint and start-up side by side and writes the generated tables (docs/performance.md).
// usage: Remapper.LatencyRunner --out DIR [--quick] [--rounds N]
//        Remapper.LatencyRunner --out DIR --kernel-profile-only   (only the kernel function profile: counts, not timings)
//        Remapper.LatencyRunner --out DIR --user-profile-only     (only the sampled CPU profile, user space and kernel)
//        Remapper.LatencyRunner --out DIR --startup-profile-only  (only the sampled start-up, exec to ready)
//        Remapper.LatencyRunner --host-startup REMAPPER_BINARY   (only the host start-up step, printed; no guest)
if (args.SkipWhile(a => a != "--host-startup").Skip(1).FirstOrDefault() is { } startupBinary)
{
    string keymapFile = Path.Combine(Path.GetTempPath(), $"remapper-startup-{Environment.ProcessId}.toml");
    File.WriteAllText(keymapFile, Keymaps.PassThrough);
    foreach (var sample in HostStartup.Measure(startupBinary, ["run", "--config", keymapFile], 3))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exec → keymap loaded {sample.ToKeymapMs:0} ms, exec → running {sample.ToRunningMs:0} ms"));
    }
    File.Delete(keymapFile);
    return 0;
}
string outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? throw new ArgumentException("--out DIR is required");
bool quick = args.Contains("--quick");
bool kernelProfileOnly = args.Contains("--kernel-profile-only");
bool userProfileOnly = args.Contains("--user-profile-only");
bool startupProfileOnly = args.Contains("--startup-profile-only");
int rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "2", CultureInfo.InvariantCulture);
Directory.CreateDirectory(outDir);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (Prerequisites.Problem is { } problem)
{
    Console.Error.WriteLine($"cannot measure: {problem}");
    return 1;
}
string tool = Artifacts.GuestTool;
string aot = Artifacts.Remapper.BinaryPath ?? throw new InvalidOperationException(Artifacts.Remapper.Problem);
string jitDll = JitBuild.Publish();
Console.WriteLine($"AOT remapper: {aot}\nJIT remapper: {jitDll}\nguest tool: {tool}");

GuestKernel kernel = GuestKernel.FindNewest() ?? throw new InvalidOperationException("no kernel under /boot");
if (!kernelProfileOnly && !userProfileOnly && !startupProfileOnly)
{
    Machine.WaitForQuiet(TimeSpan.FromMinutes(5));
}
string machineBefore = Machine.Describe(kernel.Version);
var cpuAtStart = Machine.CpuTimes();
if (kernelProfileOnly)
{
    await using Guest profileGuest = await Guest.BootAsync(kernel, Initramfs.Build(kernel), "perf");
    string keymap = profileGuest.WriteExchangeFile("passthrough.toml", Keymaps.PassThrough);
    File.WriteAllText(Path.Combine(outDir, "kernel-profile.md"), await KernelProfile.RunAsync(profileGuest, tool, KernelProfilePipelines(aot, tool, keymap)));
    Console.WriteLine($"kernel profile written to {outDir}");
    return 0;
}
if (startupProfileOnly)
{
    await using Guest profileGuest = await Guest.BootAsync(kernel, Initramfs.Build(kernel), "perf");
    string keymap = profileGuest.WriteExchangeFile("passthrough.toml", Keymaps.PassThrough);
    // Read once first, as before the latency rounds (PageCacheWarmup): the start measured is from memory.
    Console.WriteLine(await PageCacheWarmup.ReadAsync(profileGuest, aot));
    File.WriteAllText(Path.Combine(outDir, "startup-profile.md"), await StartupProfile.RunAsync(profileGuest, tool, outDir, StartupProfilePipelines(aot, tool, keymap)));
    Console.WriteLine($"start-up profile written to {outDir}");
    return 0;
}
if (userProfileOnly)
{
    await using Guest profileGuest = await Guest.BootAsync(kernel, Initramfs.Build(kernel), "perf");
    string keymap = profileGuest.WriteExchangeFile("passthrough.toml", Keymaps.PassThrough);
    File.WriteAllText(Path.Combine(outDir, "user-profile.md"), await UserProfile.RunAsync(profileGuest, tool, outDir, UserProfilePipelines(aot, tool, keymap)));
    Console.WriteLine($"user profile written to {outDir}");
    return 0;
}
double loadAtStart = Machine.LoadAverageOneMinute();
string profile = "";
string kernelProfile = "";
string userProfile = "";
string startupProfile = "";
string workloadNote = "";
string binaryRead = "";
var pooledResults = new List<PooledResult>();
var results = new List<(string Pipeline, string Keymap, ResultLine Line)>();
await using (Guest guest = await Guest.BootAsync(kernel, Initramfs.Build(kernel), "perf"))
{
    string passThrough = guest.WriteExchangeFile("passthrough.toml", Keymaps.PassThrough);
    string realistic = guest.WriteExchangeFile("realistic.toml", Keymaps.Realistic);
    string sizes = quick ? "--taps 40 --typing 60 --flood 1000" : "--taps 400 --typing 500 --flood 10000";
    workloadNote = $"- workloads: `{sizes}`, {rounds} alternating rounds" + (quick ? " (`--quick`: a trial run, too few samples to rank anything)" : "");
    int soak = quick ? 5000 : 100_000;
    // Remapper's log (stderr) joins its stdout, so the guest tool stamps every log line with the time since exec: the
    // guest log (REMAPPER_PERF_OUT.log) then holds a start-up timeline of every Remapper start.
    const string Ready = ReadyOptions.Remapper;
    const string JitEnvironment = "HOME=/tmp DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1";

    // The driver (and its output reader) on vCPU 0, the pipeline under test on vCPU 1: they never compete for one CPU.
    const string Driver = "taskset -c 0";
    const string Pinned = "exec taskset -c 1";
    const string FloorReady = ReadyOptions.Floor;
    const string Plain = "--workloads taps,typing,flood";
    // Everything ranked runs in alternating rounds, so a burst of load on the shared host hits every pipeline alike
    // and the spread between rounds shows when it did not; the comparison rows run once each.
    var runs = new List<(string Pipeline, string Keymap, string Command)>();
    for (int round = 1; round <= rounds; round++)
    {
        runs.Add(("Remapper (AOT)", "pass-through",
            $"{Driver} {tool} latency --label remapper-aot --pipeline '{Pinned} {aot} run --config {passThrough} 2>&1' {Ready} {Plain} {sizes}" +
            (round == 1 ? $" --soak {soak}" : "")));
        runs.Add((Tables.UhidFloor, "pass-through",
            $"{Driver} {tool} latency --label floor-uhid --pipeline '{Pinned} {tool} floor --source {{source}} --output uhid' {FloorReady} {Plain} {sizes}"));
        // The uhid floor with Remapper's report layout (an n-key-rollover bitmap): what of the uhid gap is the layout.
        runs.Add(("floor (uhid, bitmap report)", "pass-through",
            $"{Driver} {tool} latency --label floor-uhid-bitmap --pipeline '{Pinned} {tool} floor --source {{source}} --output uhid --report bitmap' {FloorReady} {Plain} {sizes}"));
        runs.Add(("Remapper (AOT, --realtime)", "pass-through",
            $"{Driver} {tool} latency --label remapper-aot-realtime --pipeline '{Pinned} {aot} run --realtime --config {passThrough} 2>&1' {Ready} {Plain} {sizes}"));
        runs.Add(("Remapper (AOT, --output uinput)", "pass-through",
            $"{Driver} {tool} latency --label remapper-aot-uinput --pipeline '{Pinned} {aot} run --output uinput --config {passThrough} 2>&1' {Ready} {Plain} {sizes}"));
        runs.Add((Tables.UinputFloor, "pass-through",
            $"{Driver} {tool} latency --label floor-uinput --pipeline '{Pinned} {tool} floor --source {{source}} --output uinput' {FloorReady} {Plain} {sizes}"));
        runs.Add((Tables.Reference, "pass-through",
            $"{Driver} {tool} latency --label interception --pipeline '{Pinned} sh -c \"interception -g {{source}} | uinput -d {{source}}\"' --output-name 'Latency Source Keyboard' {Plain} {sizes}"));
    }
    runs.Add(("Remapper (AOT)", "realistic",
        $"{Driver} {tool} latency --label remapper-aot-realistic --pipeline '{Pinned} {aot} run --config {realistic} 2>&1' {Ready} --workloads taps,typing,flood,taphold {sizes}"));
    runs.Add(("Remapper (JIT)", "pass-through",
        $"{Driver} {tool} latency --label remapper-jit --pipeline '{Pinned} env {JitEnvironment} dotnet {jitDll} run --config {passThrough} 2>&1' {Ready} --workloads taps {sizes} --soak {soak}"));

    // The floors are the guest tool itself, already in the guest's page cache because it is the driver; Remapper's
    // binary is read over 9p (TCG-emulated virtio) by whichever start comes first. Read once before round 1, every
    // round starts every binary from memory, as a boot from a local disk nearly does; the read's own time is reported.
    binaryRead = await PageCacheWarmup.ReadAsync(guest, aot);
    Console.WriteLine(binaryRead);

    int n = 0;
    foreach ((string pipeline, string keymap, string command) in runs)
    {
        string rawFile = $"raw-{++n}.txt";
        string full = $"{command} --raw {Guest.GuestPath(rawFile)}";
        Console.WriteLine($"== {pipeline}, {keymap}: {full}");
        var clock = Stopwatch.StartNew();
        GuestResult result = await guest.RunAsync(full, TimeSpan.FromMinutes(40));
        Console.WriteLine(result.Output);
        Console.WriteLine($"== exit {result.ExitCode} after {clock.Elapsed.TotalSeconds:0} s");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"guest run failed: {pipeline} {keymap}:\n{result.Output}");
        }
        var raw = File.ReadAllLines(Path.Combine(guest.ExchangeDir, rawFile))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(w => w[0], w => w.Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList());
        foreach (string line in result.Lines)
        {
            if (ResultLine.Parse(line) is not { } parsed)
            {
                continue;
            }
            results.Add((pipeline, keymap, parsed));
            if (parsed.Kind == "latency")
            {
                string workload = parsed["workload"];
                PooledResult? pooled = pooledResults.FirstOrDefault(p => p.Pipeline == pipeline && p.Keymap == keymap && p.Workload == workload);
                if (pooled is null)
                {
                    pooled = new PooledResult(pipeline, keymap, workload);
                    pooledResults.Add(pooled);
                }
                pooled.Add(parsed, raw.GetValueOrDefault(workload) ?? []);
            }
        }
    }
    profile = await SyscallProfile.RunAsync(guest, tool,
    [
        ("Remapper (AOT), uhid output", $"{aot} run --config {passThrough}", Ready),
        ("Remapper (AOT), --output uinput", $"{aot} run --output uinput --config {passThrough}", Ready),
        ("interception-tools", "sh -c \"interception -g {source} | uinput -d {source}\"", "--output-name 'Latency Source Keyboard'"),
        ("floor, uhid output", $"{tool} floor --source {{source}} --output uhid", ReadyOptions.Floor),
        ("floor, uhid output, bitmap report", $"{tool} floor --source {{source}} --output uhid --report bitmap", ReadyOptions.Floor),
        ("floor, uinput output", $"{tool} floor --source {{source}} --output uinput", ReadyOptions.Floor),
    ]);
    kernelProfile = await KernelProfile.RunAsync(guest, tool, KernelProfilePipelines(aot, tool, passThrough));
    userProfile = await UserProfile.RunAsync(guest, tool, outDir, UserProfilePipelines(aot, tool, passThrough));
    startupProfile = await StartupProfile.RunAsync(guest, tool, outDir, StartupProfilePipelines(aot, tool, passThrough));
}

string hostKeymap = Path.Combine(outDir, "passthrough.toml");
File.WriteAllText(hostKeymap, Keymaps.PassThrough);
var hostAot = HostStartup.Measure(aot, ["run", "--config", hostKeymap], 10);
var hostJit = HostStartup.Measure("dotnet", [jitDll, "run", "--config", hostKeymap], 10);
string machine = machineBefore + "\n" + workloadNote + "\n" + $"- load average at the end: {Machine.LoadAverage()}; " +
    $"CPU time stolen by the hypervisor during the run (this machine is itself a virtual machine): {Machine.StealSince(cpuAtStart)}";
// A goal is only called met or missed from a full run on a host that was not overloaded (load average at most one
// per core at the start and the end); otherwise the tables still show every number, but rank nothing.
string? notRanked = quick ? "a --quick run"
    : Math.Max(loadAtStart, Machine.LoadAverageOneMinute()) > Environment.ProcessorCount
        ? $"host load average above {Environment.ProcessorCount} during the run" : null;
File.WriteAllText(Path.Combine(outDir, "latency.md"), Tables.Latency(pooledResults, machine, notRanked));
File.WriteAllText(Path.Combine(outDir, "footprint.md"), Tables.Footprint(results, hostAot, hostJit, aot, jitDll, machine, binaryRead));
File.WriteAllText(Path.Combine(outDir, "profile.md"), profile);
File.WriteAllText(Path.Combine(outDir, "kernel-profile.md"), kernelProfile);
File.WriteAllText(Path.Combine(outDir, "user-profile.md"), userProfile);
File.WriteAllText(Path.Combine(outDir, "startup-profile.md"), startupProfile);
Console.WriteLine($"tables written to {outDir}");
return 0;

// The pipelines whose kernel work is counted: both uhid floors, Remapper with each output, the uinput floor.
static IEnumerable<(string Name, string Pipeline, string Extra)> KernelProfilePipelines(string aot, string tool, string keymap)
{
    const string RemapperReady = ReadyOptions.Remapper;
    const string FloorReady = ReadyOptions.Floor;
    return
    [
        ("floor (uhid)", $"{tool} floor --source {{source}} --output uhid", FloorReady),
        ("floor (uhid, bitmap report)", $"{tool} floor --source {{source}} --output uhid --report bitmap", FloorReady),
        ("Remapper (AOT)", $"{aot} run --config {keymap} 2>&1", RemapperReady),
        ("floor (uinput)", $"{tool} floor --source {{source}} --output uinput", FloorReady),
        ("Remapper (AOT, --output uinput)", $"{aot} run --output uinput --config {keymap} 2>&1", RemapperReady),
    ];
}

// The pipelines whose CPU time is sampled: each floor beside Remapper with the same output.
static IEnumerable<(string Name, string Pipeline, string Extra)> UserProfilePipelines(string aot, string tool, string keymap)
{
    const string RemapperReady = ReadyOptions.Remapper;
    const string FloorReady = ReadyOptions.Floor;
    return
    [
        ("floor (uinput)", $"{tool} floor --source {{source}} --output uinput", FloorReady),
        ("Remapper (AOT, --output uinput)", $"{aot} run --output uinput --config {keymap} 2>&1", RemapperReady),
        ("floor (uhid)", $"{tool} floor --source {{source}} --output uhid", FloorReady),
        ("Remapper (AOT)", $"{aot} run --config {keymap} 2>&1", RemapperReady),
    ];
}

// The pipelines whose start is sampled: the uhid floor beside Remapper, twice each (the second start shows the spread).
static IEnumerable<(string Name, string Pipeline, string Extra)> StartupProfilePipelines(string aot, string tool, string keymap)
{
    const string RemapperReady = ReadyOptions.Remapper;
    const string FloorReady = ReadyOptions.Floor;
    return
    [
        ("floor (uhid)", $"{tool} floor --source {{source}} --output uhid", FloorReady),
        ("Remapper (AOT)", $"{aot} run --config {keymap} 2>&1", RemapperReady),
        ("floor (uhid), again", $"{tool} floor --source {{source}} --output uhid", FloorReady),
        ("Remapper (AOT), again", $"{aot} run --config {keymap} 2>&1", RemapperReady),
    ];
}
