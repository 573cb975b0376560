using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>One physical key change as the backend read it.</summary>
/// <param name="Device">The slot <see cref="RemapEngine.AttachDevice"/> returned for the keyboard.</param>
/// <param name="TimeUs">Monotonic time in microseconds; must not go backwards.</param>
public readonly record struct KeyEvent(int Device, Usage Usage, bool Down, long TimeUs);
