using System.Text.Json;

namespace Remapper.Core.Import.Karabiner;

/// <summary>
/// Reads of a JSON value that never throw, whatever its shape: a hand-edited karabiner.json may hold any value
/// anywhere, and a wrong one must become a note, not an exception.
/// </summary>
internal static class JsonValues
{
    public static string? String(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    public static bool TryInteger(JsonElement e, out long value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    public static bool TryProperty(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value);
    }
}
