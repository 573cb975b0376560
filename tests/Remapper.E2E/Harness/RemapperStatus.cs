using System.Text.Json.Nodes;

namespace Remapper.E2E.Harness;

/// <summary>
/// What <c>remapper devices --json</c> / <c>remapper doctor --json</c> printed. Read loosely on purpose: a keyboard
/// is any JSON object with a <c>state</c> field that names the device (its node or its name) somewhere inside, so
/// the scenarios check what a user relies on (which keyboard, which state, which holder) rather than the exact
/// nesting of the status model.
/// </summary>
public sealed class RemapperStatus
{
    private RemapperStatus(GuestResult result, JsonNode root)
    {
        Result = result;
        Root = root;
    }

    public GuestResult Result { get; }

    public JsonNode Root { get; }

    public int ExitCode => Result.ExitCode;

    public static RemapperStatus Parse(GuestResult result)
    {
        try
        {
            return new RemapperStatus(result, JsonNode.Parse(result.Output) ?? throw new FormatException("empty output"));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not JSON ({e.Message}): {result}", e);
        }
    }

    /// <summary>The object describing the keyboard at <paramref name="node"/>, or null when there is none.</summary>
    public JsonObject? Keyboard(string node) =>
        AllObjects(Root)
            .Where(o => o["state"] is JsonValue && Mentions(o, node))
            .MinBy(o => o.ToJsonString().Length); // the innermost: a keyboard, not a report that contains it

    /// <summary>The <c>state</c> of the keyboard at <paramref name="node"/> (Seized, AccessDenied, Busy...).</summary>
    public string? StateOf(string node) => Keyboard(node)?["state"]?.GetValue<string>();

    /// <summary>Whether some object inside <paramref name="scope"/> (or it itself) satisfies <paramref name="match"/>.</summary>
    public static bool HasObject(JsonNode? scope, Func<JsonObject, bool> match) => AllObjects(scope).Any(match);

    /// <summary>Whether an object has a numeric property equal to <paramref name="value"/> (a holder's pid, an errno).</summary>
    public static bool HasNumber(JsonObject o, string property, long value) =>
        o[property] is JsonValue v && v.TryGetValue(out long n) && n == value;

    /// <summary>Whether any value anywhere in the output contains <paramref name="text"/> (/dev/input/event1 is not in event10).</summary>
    public bool Mentions(string text) => Mentions(Root, text);

    public static bool Mentions(JsonNode? node, string text) => node switch
    {
        JsonObject o => o.Any(p => Mentions(p.Value, text)),
        JsonArray a => a.Any(n => Mentions(n, text)),
        JsonValue v => ContainsWhole(v.ToString(), text),
        _ => false,
    };

    public override string ToString() => Result.ToString();

    private static bool ContainsWhole(string haystack, string text)
    {
        for (int at = haystack.IndexOf(text, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            int end = at + text.Length;
            if (end == haystack.Length || !char.IsAsciiDigit(haystack[end]) || !char.IsAsciiDigit(text[^1]))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<JsonObject> AllObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var p in o)
                {
                    foreach (var inner in AllObjects(p.Value))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArray a:
                foreach (var n in a)
                {
                    foreach (var inner in AllObjects(n))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }
}
