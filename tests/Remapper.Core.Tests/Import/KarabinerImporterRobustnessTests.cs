using System.Text.Json;
using System.Text.Json.Nodes;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Testing;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// A hand-edited karabiner.json can hold any JSON anywhere. Every value of a real-world file is replaced in turn
/// by values of every other shape: the importer never throws, and whatever keymap it writes loads.
/// </summary>
public class KarabinerImporterRobustnessTests
{
    private static readonly string[] Replacements = ["5", "-1", "1.5", "\"x\"", "\"fn\"", "true", "null", "[]", "{}", "[1]", "{\"a\":1}", "[{}]"];

    public static TheoryData<string> Fixtures() => new() { "karabiner.json", "rule-file.json" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Any_value_of_any_shape_anywhere_never_throws_and_what_is_written_loads(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures", fixture));
        var root = JsonNode.Parse(text)!;
        var places = new List<(JsonNode Parent, object Key)>();
        Collect(root, places);
        Assert.True(places.Count > 20);

        var failures = new List<string>();
        foreach (var (parent, key) in places)
        {
            foreach (var replacement in Replacements)
            {
                var copy = JsonNode.Parse(text)!;
                var target = Find(copy, parent.GetPath());
                var value = JsonNode.Parse(replacement);
                if (key is int index) target!.AsArray()[index] = value;
                else target!.AsObject()[(string)key] = value;
                var json = copy.ToJsonString();
                try
                {
                    var result = KarabinerImporter.Import(json, fixture);
                    if (result.Toml is null) continue;
                    var loaded = KeymapLoader.Load(result.Toml, "imported.toml");
                    if (!loaded.Success)
                        failures.Add($"{parent.GetPath()}/{key} = {replacement}: does not load: {loaded.Diagnostics.First(d => d.IsError)}");
                }
                catch (Exception e)
                {
                    failures.Add($"{parent.GetPath()}/{key} = {replacement}: threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    places.Add((o, k));
                    if (v is not null) Collect(v, places);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    places.Add((a, i));
                    if (a[i] is { } v) Collect(v, places);
                }
                break;
        }
    }

    private static JsonNode? Find(JsonNode root, string path)
    {
        if (path == "$") return root;
        // Paths from JsonNode.GetPath(): $.a.b[0]['c.d']
        var node = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
                node = node!.AsObject()[path[(i + 1)..end]];
                i = end;
            }
            else if (path[i] == '[' && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i, StringComparison.Ordinal);
                node = node!.AsObject()[path[(i + 2)..end]];
                i = end + 2;
            }
            else
            {
                var end = path.IndexOf(']', i);
                node = node!.AsArray()[int.Parse(path[(i + 1)..end], System.Globalization.CultureInfo.InvariantCulture)];
                i = end + 1;
            }
        }
        return node;
    }
}
