using Remapper.Core.Hid;

namespace Remapper.Backend.Monitor;

public enum MonitorDirection : byte { Input, Output }

/// <summary>One key event as <c>remapper monitor</c> shows it. A plain struct: the loop thread writes it without allocating.</summary>
/// <param name="TimeUs">The loop's monotonic clock, microseconds.</param>
/// <param name="Device">The engine's device slot for input events; -1 for output.</param>
public readonly record struct MonitorEvent(long TimeUs, int Device, Usage Usage, bool Down, MonitorDirection Direction);
