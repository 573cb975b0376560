using Remapper.Core.Import;
using Remapper.Core.Import.Kanata;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Import.Keyd;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Testing;

/// <summary>
/// <c>keymap rules.json</c> in a .keytest: a Karabiner-Elements file, imported exactly as
/// <c>remapper import karabiner</c> imports it, then loaded. So a test can hold Karabiner's own rules, and a
/// Karabiner user can test their karabiner.json before switching. <c>keymap default.conf</c> is a keyd config,
/// imported as <c>remapper import keyd</c> imports it. Parts the import leaves out are simply absent from the
/// keymap under test (the tests that need them fail and show it).
/// </summary>
public static class ImportedKeymap
{
    public static bool IsKarabinerJson(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonc", StringComparison.OrdinalIgnoreCase);

    /// <summary>A kanata configuration (<c>.kbd</c>), imported as <c>remapper import kanata</c> imports it.</summary>
    public static bool IsKanataConfig(string path) => path.EndsWith(".kbd", StringComparison.OrdinalIgnoreCase);

    /// <summary>A keyd configuration (<c>.conf</c>), imported as <c>remapper import keyd</c> imports it.</summary>
    public static bool IsKeydConf(string path) => path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file another remapper wrote, which a .keytest's <c>keymap</c> line imports before loading.</summary>
    public static bool IsImported(string path) => IsKarabinerJson(path) || IsKanataConfig(path) || IsKeydConf(path);

    public static KeymapLoadResult Load(string path)
    {
        var text = KeymapFileReader.TryRead(path, out var error);
        if (text is null) return Failed(new SourceLocation(path, 0, 0), error);
        ImportResult imported = IsKanataConfig(path) ? KanataImporter.Import(text, path)
            : IsKeydConf(path) ? KeydImporter.Import(text, path)
            : KarabinerImporter.Import(text, path);
        if (imported.Toml is null)
        {
            var e = imported.Error!;
            return Failed(new SourceLocation(path, e.Line, e.Column), e.Message);
        }
        // Diagnostics name the imported text, not the source: `remapper import karabiner|keyd PATH` shows its lines.
        return KeymapLoader.Load(imported.Toml, path + " (imported)");
    }

    private static KeymapLoadResult Failed(SourceLocation where, string message) =>
        new(null, [new Diagnostic(DiagnosticSeverity.Error, where, message)]);
}
