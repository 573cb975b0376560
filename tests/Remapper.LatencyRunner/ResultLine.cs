using System.Globalization;

namespace Remapper.LatencyRunner;

/// <summary>One <c>kind key=value ...</c> line printed by the guest tool's <c>latency</c> command.</summary>
internal sealed record ResultLine(string Kind, IReadOnlyDictionary<string, string> Fields)
{
    public static ResultLine? Parse(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] is not ("latency" or "startup" or "rss"))
        {
            return null;
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string word in words.Skip(1))
        {
            int eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[word[..eq]] = word[(eq + 1)..];
            }
        }
        return new ResultLine(words[0], fields);
    }

    public string this[string key] => Fields.TryGetValue(key, out string? value) ? value : "";

    public double Number(string key) =>
        double.TryParse(this[key], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN;
}
