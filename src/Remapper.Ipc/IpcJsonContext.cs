using System.Text.Json.Serialization;

namespace Remapper.Ipc;

/// <summary>Source-generated JSON for every IPC message (no reflection: the shipped binary is Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IpcRequest))]
[JsonSerializable(typeof(IpcResponse))]
[JsonSerializable(typeof(IpcStreamMessage))]
[JsonSerializable(typeof(StatusResult))]
[JsonSerializable(typeof(DevicesResult))]
[JsonSerializable(typeof(ReloadResult))]
[JsonSerializable(typeof(PausedResult))]
[JsonSerializable(typeof(SetVariableResult))]
[JsonSerializable(typeof(SetLayerResult))]
[JsonSerializable(typeof(VersionResult))]
[JsonSerializable(typeof(MonitorStartedResult))]
public sealed partial class IpcJsonContext : JsonSerializerContext;
