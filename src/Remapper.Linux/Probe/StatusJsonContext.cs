using System.Text.Json.Serialization;

namespace Remapper.Linux.Probe;

/// <summary>Source-generated JSON for what <c>devices --json</c> and <c>doctor --json</c> print (AOT-safe; no reflection).</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProbeJson))]
[JsonSerializable(typeof(DoctorJson))]
public sealed partial class StatusJsonContext : JsonSerializerContext;

/// <summary>The options the CLI prints with: like <see cref="StatusJsonContext.Default"/>, but leaving quotes and dashes readable.</summary>
public static class StatusJson
{
    public static StatusJsonContext Context { get; } = new(new System.Text.Json.JsonSerializerOptions(StatusJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
