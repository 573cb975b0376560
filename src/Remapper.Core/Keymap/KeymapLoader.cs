namespace Remapper.Core.Keymap;

/// <summary>TOML text → validated <see cref="KeymapModel"/> plus diagnostics. Never throws on bad input.</summary>
public static class KeymapLoader
{
    /// <summary>Parses and validates keymap text. <paramref name="path"/> is used in diagnostics and to resolve includes.</summary>
    public static KeymapLoadResult Load(string text, string path) =>
        throw new NotImplementedException("keymap loader not written yet");

    /// <summary>Reads and loads a file; unreadable files, directories and binary garbage become diagnostics, not exceptions.</summary>
    public static KeymapLoadResult LoadFile(string path) =>
        throw new NotImplementedException("keymap loader not written yet");
}
