namespace Remapper.Core.Hid;

/// <summary>One nameable key: its canonical (Karabiner key_code) name, the aliases accepted for it, and its usage.</summary>
public sealed record KeyInfo(string Name, Usage Usage, IReadOnlyList<string> Aliases, string Description);
