using Remapper.Core.Devices;
using Remapper.Linux.Loop;
using Remapper.Linux.Probe;
using Neutral = Remapper.Backend;

namespace Remapper.Cli.Hosting;

/// <summary>The Linux backend's status model, told in the daemon's platform-neutral terms (what IPC, CLI and tray show).</summary>
internal static class StatusMapping
{
    public static Neutral.BackendStatus ToBackendStatus(StatusSnapshot snapshot, Neutral.BackendCounters counters) => new(
        ToOutput(snapshot.Output),
        [.. snapshot.Keyboards.Select(ToKeyboard)],
        snapshot.Paused,
        snapshot.ActiveLayers,
        counters,
        snapshot.InputNote);

    public static Neutral.OutputDeviceStatus ToOutput(OutputStatus output)
    {
        if (output.Chosen != OutputKind.None)
        {
            var node = output.Chosen == OutputKind.Uhid ? output.Uhid : output.Uinput;
            return new(output.Chosen.ToString().ToLowerInvariant(), Neutral.OutputDeviceState.Ready, $"{node.Node}: {output.Reason}");
        }
        // Nothing usable: say why for both nodes, uhid first (it is preferred).
        var state = output.Uhid.State == OutputNodeState.NoPermission || output.Uinput.State == OutputNodeState.NoPermission
            ? Neutral.OutputDeviceState.AccessDenied
            : Neutral.OutputDeviceState.Unavailable;
        return new("none", state, $"{Describe(output.Uhid)}; {Describe(output.Uinput)}");
    }

    private static string Describe(OutputNodeStatus node) =>
        node.Fix is null ? $"{node.Node}: {node.Detail}" : $"{node.Node}: {node.Detail} (fix: {node.Fix})";

    public static Neutral.KeyboardStatus ToKeyboard(KeyboardStatus k)
    {
        var holder = k.Holders is { Count: > 0 } holders ? holders[0] : null;
        return new Neutral.KeyboardStatus(
            k.Identity.Id,
            k.Identity.Name,
            k.Identity.Bus.KeymapName(),
            k.Identity.IsBuiltIn,
            k.State switch
            {
                KeyboardState.Seized => Neutral.KeyboardState.Seized,
                KeyboardState.Available => Neutral.KeyboardState.Available,
                KeyboardState.Ignored => Neutral.KeyboardState.Ignored,
                KeyboardState.AccessDenied => Neutral.KeyboardState.AccessDenied,
                KeyboardState.Busy => Neutral.KeyboardState.Busy,
                KeyboardState.Gone => Neutral.KeyboardState.Gone,
                _ => Neutral.KeyboardState.Failed,
            },
            Cause: k.State == KeyboardState.Seized ? null : k.Detail,
            Fix: k.Fix,
            HolderPid: holder?.Pid,
            HolderCommand: holder?.CommandLine,
            Path: k.DevNode);
    }
}
