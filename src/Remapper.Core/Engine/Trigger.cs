using Remapper.Core.Hid;

namespace Remapper.Core.Engine;

/// <summary>The press an action runs for: its unique token (ties layer activations to it), keyboard and key.</summary>
internal readonly record struct Trigger(int Token, int Device, Usage Usage);
