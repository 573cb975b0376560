namespace Remapper.Core.Keymap.Loading;

/// <summary>One parsed file of a keymap: the main file or one it includes.</summary>
internal sealed record KeymapSource(string Path, TomlTable Root);
