using System.Text.Json;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// karabiner.json → keymap TOML. Takes a whole configuration (<c>{"profiles": [...]}</c>: the named or selected
/// profile), a rule file as the public rule collections publish them (<c>{"title", "rules"}</c>), or a bare
/// array of manipulators (Karabiner's own test rule files). The result always loads; everything it cannot
/// express is listed in <see cref="ImportResult.NotConverted"/> and left in the text as a comment. docs/import.md
/// describes the mapping.
/// </summary>
public static class KarabinerImporter
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // Karabiner itself reads JSON with comments (its rule files are often .jsonc).
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <param name="source">The file name used in notes and errors.</param>
    /// <param name="profileName">The profile to import; null for the selected one (or the first).</param>
    public static ImportResult Import(string json, string source, string? profileName = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            return ImportResult.Failed(new ImportError(source, line, column, $"this is not valid JSON: {JsonMessage(e)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            var notes = new ImportNotes(source);
            var converter = new ProfileConverter(notes);
            var header = new List<string> { $"# Imported from {source} by `remapper import karabiner`." };

            if (root.ValueKind == JsonValueKind.Object && JsonValues.TryProperty(root, "profiles", out var profiles))
            {
                if (profiles.ValueKind != JsonValueKind.Array || profiles.GetArrayLength() == 0)
                    return ImportResult.Failed(new ImportError(source, 0, 0, "\"profiles\" is not a list of profiles"));
                var (profile, index, error) = PickProfile(profiles, profileName);
                if (error is not null) return ImportResult.Failed(new ImportError(source, 0, 0, error));
                var name = JsonValues.TryProperty(profile, "name", out var n) && n.ValueKind == JsonValueKind.String ? JsonValues.String(n) : null;
                header.Add($"# Profile {index}" + (name is null ? "." : $": \"{name}\"."));
                converter.Profile(profile, JsonPathText.Index(JsonPathText.Property(JsonPathText.Root, "profiles"), index));
                if (JsonValues.TryProperty(root, "global", out var global)) converter.Global(global, JsonPathText.Property(JsonPathText.Root, "global"));
            }
            else if (root.ValueKind == JsonValueKind.Object && JsonValues.TryProperty(root, "rules", out var rules))
            {
                if (JsonValues.TryProperty(root, "title", out var title) && title.ValueKind == JsonValueKind.String)
                    header.Add($"# Rule file: \"{JsonValues.String(title)}\".");
                converter.Rules(rules, JsonPathText.Property(JsonPathText.Root, "rules"));
            }
            else if (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(LooksLikeManipulator))
            {
                converter.Manipulators(root, JsonPathText.Root);
            }
            else
            {
                return ImportResult.Failed(new ImportError(source, 0, 0,
                    "this is JSON but not a Karabiner-Elements configuration: expected an object with " +
                    "\"profiles\" (karabiner.json), an object with \"rules\" (a rule file) or an array of manipulators"));
            }

            var (body, loadError) = LoadableKeymap.Make(["version = 1", .. converter.Lines()], notes);
            if (loadError is not null) return ImportResult.Failed(new ImportError(source, 0, 0, $"the converted keymap cannot load: {loadError}"));
            var lines = new List<string>(header);
            if (notes.All.Count > 0)
                lines.Add($"# {notes.All.Count} part(s) could not be converted: see the 'not supported' comments below.");
            lines.AddRange(body);
            var toml = string.Join("\n", lines) + "\n";
            // The keymap must also load from a file: hold it to the size a keymap file may have.
            var bytes = System.Text.Encoding.UTF8.GetByteCount(toml);
            if (bytes > KeymapFileReader.MaxBytes)
                return ImportResult.Failed(new ImportError(source, 0, 0,
                    $"the converted keymap would be {bytes} bytes, more than a keymap file may hold ({KeymapFileReader.MaxBytes}); import one rule file at a time"));
            return new ImportResult(toml, notes.All, null);
        }
    }

    private static (JsonElement Profile, int Index, string? Error) PickProfile(JsonElement profiles, string? wanted)
    {
        var list = profiles.EnumerateArray().ToList();
        static string? NameOf(JsonElement p) =>
            p.ValueKind == JsonValueKind.Object && JsonValues.TryProperty(p, "name", out var n) && n.ValueKind == JsonValueKind.String ? JsonValues.String(n) : null;
        if (list.Any(p => p.ValueKind != JsonValueKind.Object)) return (default, 0, "every profile must be an object");
        if (wanted is not null)
        {
            var index = list.FindIndex(p => NameOf(p) == wanted);
            if (index >= 0) return (list[index], index, null);
            var names = string.Join(", ", list.Select(p => $"\"{NameOf(p) ?? "(unnamed)"}\""));
            return (default, 0, $"no profile named \"{wanted}\" — the profiles are {names}");
        }
        var selected = list.FindIndex(p => JsonValues.TryProperty(p, "selected", out var s) && s.ValueKind == JsonValueKind.True);
        var pick = selected >= 0 ? selected : 0;
        return (list[pick], pick, null);
    }

    private static bool LooksLikeManipulator(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && (JsonValues.TryProperty(e, "from", out _) || JsonValues.TryProperty(e, "type", out _));

    /// <summary>The parser's message without its own position suffix (the caller prints line:col).</summary>
    private static string JsonMessage(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
