using Remapper.Backend;

namespace Remapper.Linux.Probe;

/// <summary>Which kind of virtual keyboard Remapper emits through.</summary>
public enum OutputKind { None, Uhid, Uinput }

public enum OutputNodeState
{
    /// <summary>Present and openable for writing.</summary>
    Ok,
    /// <summary>No node: module not loaded, not in this kernel, or no /dev.</summary>
    Absent,
    /// <summary>Present, but this user may not open it.</summary>
    NoPermission,
    Failed,
}

/// <summary>One output node (<c>/dev/uhid</c> or <c>/dev/uinput</c>).</summary>
public sealed record OutputNodeStatus(string Node, OutputNodeState State, string Detail, string? Fix = null, NodeAccess? Access = null);

/// <summary>The output side: both candidate nodes and the one in use, with why.</summary>
public sealed record OutputStatus(OutputKind Chosen, string Reason, OutputNodeStatus Uhid, OutputNodeStatus Uinput)
{
    public bool IsProblem => Chosen == OutputKind.None;

    /// <summary>This finding in the platform-neutral status model: the node in use, or why neither can be used.</summary>
    public OutputDeviceStatus ToStatus()
    {
        if (Chosen != OutputKind.None)
        {
            var node = Chosen == OutputKind.Uhid ? Uhid : Uinput;
            return new(Chosen.ToString().ToLowerInvariant(), OutputDeviceState.Ready, $"{node.Node}: {Reason}");
        }
        // Nothing usable: say why for both nodes, uhid first (it is preferred).
        var state = Uhid.State == OutputNodeState.NoPermission || Uinput.State == OutputNodeState.NoPermission
            ? OutputDeviceState.AccessDenied
            : OutputDeviceState.Unavailable;
        return new("none", state, $"{Describe(Uhid)}; {Describe(Uinput)}");
    }

    private static string Describe(OutputNodeStatus node) =>
        node.Fix is null ? $"{node.Node}: {node.Detail}" : $"{node.Node}: {node.Detail} (fix: {node.Fix})";
}
