using Remapper.Backend;
using Remapper.Core.Devices;
using Remapper.Core.Keymap;
using Remapper.Linux.Discovery;
using Remapper.Linux.Seizing;

namespace Remapper.Linux.Probe;

/// <summary>
/// What `remapper devices` and `remapper doctor` show when no daemon is running: every input device, each
/// candidate keyboard tried (open, and a grab released at once when no key is held), and the output nodes.
/// </summary>
public sealed class SystemProbe(ProbeEnvironment env, Func<InputDeviceInfo, (int Errno, string Operation)>? tryDevice = null)
{
    private readonly Func<InputDeviceInfo, (int Errno, string Operation)> _tryDevice = tryDevice ?? RealTry;

    /// <param name="Status">What was found, in the one status model (a direct probe: not paused, the base layer).</param>
    /// <param name="OutputNodes">What was found about <c>/dev/uhid</c> and <c>/dev/uinput</c>, node by node (doctor shows both).</param>
    public sealed record Result(BackendStatus Status, OutputStatus OutputNodes, IReadOnlyList<InputDeviceInfo> AllDevices);

    public Result Run(IReadOnlyList<DeviceBlock> deviceBlocks, OutputStatus? output = null)
    {
        var scanner = new InputDeviceScanner(env.SysRoot, env.DevRoot);
        var explainer = new AccessExplainer(env);
        var all = scanner.Scan();
        var rules = new DeviceRules(deviceBlocks);
        var keyboards = new List<KeyboardStatus>();
        foreach (var device in all)
        {
            if (!device.IsCandidate) continue;
            var ignoredBy = rules.IgnoringBlock(device.Identity);
            if (ignoredBy is not null)
            {
                var rule = DeviceRules.Describe(ignoredBy);
                keyboards.Add(device.Status(KeyboardState.Ignored, $"ignored by {rule}") with { IgnoredBy = rule });
                continue;
            }
            var (errno, operation) = _tryDevice(device);
            var status = errno == 0
                ? device.Status(KeyboardState.Available, $"{device.DevNode} can be opened and grabbed")
                : explainer.Explain(device, operation, errno);
            keyboards.Add(HeldByRemapper(status));
        }

        string? inputNote = null;
        if (!Directory.Exists(env.DevInput))
        {
            inputNote = new KernelSupport(env).Explain("evdev", env.DevInput, "CONFIG_INPUT_EVDEV").AsNote();
        }
        else if (all.Count == 0)
        {
            inputNote = $"no input devices under {Path.Combine(env.SysRoot, "class", "input")}";
        }

        output ??= new OutputProbe(env).Check();
        return new Result(new BackendStatus(output.ToStatus(), keyboards, Paused: false, ["base"], default, inputNote), output, all);
    }

    /// <summary>
    /// Busy because a running Remapper holds it is the normal case, not a problem: shown as seized, with the pid.
    /// (/proc cannot say which process grabbed, so this applies only when every process with it open is a remapper.)
    /// </summary>
    private static KeyboardStatus HeldByRemapper(KeyboardStatus status)
    {
        if (status.State != KeyboardState.Busy || status.Holders is not { Count: > 0 } holders) return status;
        foreach (var h in holders)
            if (h.Name != DaemonProcessName) return status;
        return status with
        {
            State = KeyboardState.Seized,
            Detail = $"seized by the running remapper (pid {string.Join(", ", holders.Select(h => h.Pid))})",
            Fix = null,
        };
    }

    /// <summary>The name the daemon runs under (/proc/PID/comm of the `remapper` executable).</summary>
    public const string DaemonProcessName = "remapper";

    private static (int, string) RealTry(InputDeviceInfo device)
    {
        int errno = EvdevKeyboard.Probe(device, out var operation);
        return (errno, operation);
    }
}
