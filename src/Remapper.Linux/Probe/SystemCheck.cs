namespace Remapper.Linux.Probe;

public enum CheckState
{
    /// <summary>Fine.</summary>
    Ok,
    /// <summary>Worth knowing, not in the way (e.g. the service is not installed while you run `remapper run` by hand).</summary>
    Info,
    /// <summary>In the way of remapping; counted by `doctor` and gives it a non-zero exit.</summary>
    Problem,
}

/// <summary>One machine-wide thing `remapper doctor` looked at, besides devices and keymap.</summary>
public sealed record SystemCheck(string Name, CheckState State, string Detail, string? Fix = null);
