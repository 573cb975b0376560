using System.Text.Json;
using System.Text.Json.Serialization;

namespace Remapper.Ipc;

/// <summary>
/// One request line: <c>{"v":1,"id":N,"cmd":"...", ...args}</c>. Arguments live beside <c>cmd</c> so a request
/// stays one flat, hand-typeable object (<c>echo '{"v":1,"id":1,"cmd":"status"}' | nc -U ...</c>).
/// </summary>
public sealed class IpcRequest
{
    public int? V { get; set; }
    public long? Id { get; set; }
    public string? Cmd { get; set; }

    /// <summary><c>set-variable</c>: the variable's name.</summary>
    public string? Name { get; set; }

    /// <summary><c>set-variable</c>: the value.</summary>
    public int? Value { get; set; }

    /// <summary><c>set-layer</c>: the layer that becomes the base layer.</summary>
    public string? Layer { get; set; }

    /// <summary>Fields the line had with the wrong type, by field name, each with a sentence (<see cref="IpcRequestParser"/>).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string>? FieldErrors { get; set; }
}

/// <summary>One response line: <c>ok</c> with a <c>result</c>, or not ok with an <c>error</c>.</summary>
public sealed class IpcResponse
{
    public int V { get; set; } = IpcProtocol.Version;
    public long? Id { get; set; }
    public bool Ok { get; set; }
    public JsonElement? Result { get; set; }
    public IpcError? Error { get; set; }
}

/// <summary>A machine-readable <see cref="Code"/> (see <see cref="IpcErrorCodes"/>) and a sentence for people.</summary>
/// <param name="Diagnostics">For <c>invalid_keymap</c>: every problem with file:line:col.</param>
public sealed record IpcError(string Code, string Message, IReadOnlyList<DiagnosticDto>? Diagnostics = null);

/// <summary>One line of a <c>monitor</c> stream after its first response: an event, or a count of events missed.</summary>
public sealed class IpcStreamMessage
{
    public int V { get; set; } = IpcProtocol.Version;
    public long? Id { get; set; }
    public MonitorEventDto? Event { get; set; }

    /// <summary>Events this client missed because the ring wrapped before it read them.</summary>
    public long? Dropped { get; set; }
}

public static class IpcProtocol
{
    public const int Version = 1;

    /// <summary>A request line longer than this is refused and the connection closed: no one needs more.</summary>
    public const int MaxLineBytes = 64 * 1024;
}

public static class IpcErrorCodes
{
    public const string BadJson = "bad_json";
    public const string BadRequest = "bad_request";
    public const string UnsupportedVersion = "unsupported_version";
    public const string UnknownCommand = "unknown_command";
    public const string LineTooLong = "line_too_long";
    public const string PermissionDenied = "permission_denied";
    public const string InvalidKeymap = "invalid_keymap";
    public const string NotFound = "not_found";
    public const string TooManyClients = "too_many_clients";
    public const string Internal = "internal";
}
