using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Remapper.Cli;

/// <summary>
/// Every JSON document the CLI prints, written the same way: indented, and with text as it reads (<c>'</c>, <c>—</c>,
/// <c>✓</c>) instead of <c>\u0027</c> escapes — it is for terminals and scripts, never embedded in HTML.
/// </summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write<T>(TextWriter output, T value, JsonTypeInfo<T> type, bool indented = true) =>
        Write(output, JsonSerializer.SerializeToElement(value, type), indented);

    public static void Write(TextWriter output, JsonElement element, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Options : Compact))
            element.WriteTo(writer);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
