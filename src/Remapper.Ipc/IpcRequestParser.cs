using System.Text.Json;

namespace Remapper.Ipc;

/// <summary>
/// Reads one request line field by field, so a field of the wrong type is a precise <c>bad_request</c> for the command
/// that needs it ("\"value\" must be an integer") with the request's id — not a serializer message with .NET type names
/// for the whole line — and a wrong-typed field a command does not use is no reason to refuse it.
/// </summary>
public static class IpcRequestParser
{
    /// <summary>
    /// The request, or null with <paramref name="error"/> when the line is not JSON or not an object. Fields of the wrong
    /// type are left unset and listed in <see cref="IpcRequest.FieldErrors"/>.
    /// </summary>
    public static IpcRequest? Parse(ReadOnlyMemory<byte> line, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            error = $"not a JSON request: {FirstSentence(e.Message)}";
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a request is a JSON object: {\"v\":1,\"id\":1,\"cmd\":\"status\"}";
                return null;
            }
            error = null;
            var request = new IpcRequest();
            Dictionary<string, string>? problems;
            try
            {
                problems = ReadFields(root, request);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks a string's UTF-8 only when it is read (found by the IPC fuzz target).
                error = "not a JSON request: the line is not valid UTF-8";
                return null;
            }
            request.FieldErrors = problems;
            return request;
        }
    }

    /// <summary>Fills the request's known fields; returns the fields of the wrong type, with what they must be.</summary>
    private static Dictionary<string, string>? ReadFields(JsonElement root, IpcRequest request)
    {
        Dictionary<string, string>? problems = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null) continue;
            switch (property.Name)
            {
                case "v":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var v)) request.V = v;
                    else Problem("v", "must be an integer (the protocol version, 1)");
                    break;
                case "id":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id)) request.Id = id;
                    else Problem("id", "must be an integer");
                    break;
                case "cmd":
                    if (value.ValueKind == JsonValueKind.String) request.Cmd = value.GetString();
                    else Problem("cmd", "must be a string, e.g. \"status\"");
                    break;
                case "name":
                    if (value.ValueKind == JsonValueKind.String) request.Name = value.GetString();
                    else Problem("name", "must be a string");
                    break;
                case "value":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) request.Value = number;
                    else Problem("value", "must be an integer");
                    break;
                case "layer":
                    if (value.ValueKind == JsonValueKind.String) request.Layer = value.GetString();
                    else Problem("layer", "must be a string (a layer name)");
                    break;
            }
        }

        return problems;

        void Problem(string field, string text) => (problems ??= new(StringComparer.Ordinal))[field] = $"\"{field}\" {text}";
    }

    /// <summary>System.Text.Json's messages end with a path and position the user did not ask for; the first sentence says enough.</summary>
    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
