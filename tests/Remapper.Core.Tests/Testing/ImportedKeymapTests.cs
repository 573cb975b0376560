using Remapper.Core.Testing;
using Remapper.Core.Tests.Cli;

namespace Remapper.Core.Tests.Testing;

/// <summary><c>keymap karabiner.json</c> in a .keytest: the Karabiner file is imported and its rules run.</summary>
public class ImportedKeymapTests
{
    private static KeyTestFileResult Run(TempDir dir, string json, string test)
    {
        dir.File("karabiner.json", json);
        var path = dir.File("k.keytest", "keymap karabiner.json\n" + test);
        var parsed = KeyTestParser.ParseFile(path);
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
        return new KeyTestRunner().Run(parsed.File!);
    }

    [Fact]
    public void A_karabiner_rule_file_is_the_keymap_under_test()
    {
        using var dir = new TempDir();
        var result = Run(dir,
            """{ "title": "t", "rules": [ { "description": "caps lock is escape", "manipulators": [ { "type": "basic", "from": { "key_code": "caps_lock" }, "to": [ { "key_code": "escape" } ] } ] } ] }""",
            "test caps lock\n    caps_lock tap\nexpect\n    escape down\n    escape up\n");
        Assert.Empty(result.FileErrors);
        Assert.True(Assert.Single(result.Results).Passed, result.Results[0].Failure);
    }

    [Fact]
    public void Broken_json_fails_the_file_with_its_line_and_column()
    {
        using var dir = new TempDir();
        var result = Run(dir, "{\n  \"rules\": [\n    { \"description\": \"x\" \n      \"manipulators\": [] }\n  ]\n}\n",
            "test t\n    a tap\nexpect nothing\n");
        Assert.Contains(result.FileErrors, e => e.Contains("karabiner.json:4:7: error: this is not valid JSON", StringComparison.Ordinal));
        Assert.Empty(result.Results);
    }
}
