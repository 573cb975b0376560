using System.Text.Json;
using Remapper.Cli.Commands;
using Remapper.Core.Hid;

namespace Remapper.Core.Tests.Cli;

public class KeysCommandTests
{
    private static readonly KeyInfo[] Table =
    [
        new("a", Usage.Key(0x04), [], "A"),
        new("caps_lock", Usage.Key(0x39), ["capslock", "caps"], "Caps Lock"),
        new("volume_increment", Usage.Consumer(0xE9), ["volume_up"], "Volume Up"),
    ];

    private static CliRun Keys(params string[] args) => CliRun.Of(KeysCommand.Create(() => Table), ["keys", .. args]);

    [Fact]
    public void Lists_names_usages_and_descriptions_in_aligned_columns_with_the_aliases_below()
    {
        var run = Keys();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            NAME              USAGE      DESCRIPTION
            a                 0x07:0x04  A
            caps_lock         0x07:0x39  Caps Lock
                aliases: capslock, caps
            volume_increment  0x0c:0xe9  Volume Up
                aliases: volume_up

            """.ReplaceLineEndings("\n"),
            run.Out);
    }

    [Fact]
    public void Filter_matches_names_aliases_and_descriptions()
    {
        Assert.Contains("caps_lock", Keys("CAPS").Out);
        Assert.DoesNotContain("volume", Keys("CAPS").Out);
        Assert.Contains("volume_increment", Keys("volume_up").Out);
        Assert.Contains("volume_increment", Keys("Volume Up").Out);
    }

    [Fact]
    public void A_filter_matching_nothing_exits_1()
    {
        var run = Keys("nothing-like-this");
        Assert.Equal(1, run.ExitCode);
        run.AssertOneLineError("remapper keys: no key matches 'nothing-like-this'");
    }

    [Fact]
    public void Json_lists_every_key()
    {
        var run = Keys("--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(3, doc.RootElement.GetArrayLength());
        var caps = doc.RootElement[1];
        Assert.Equal("caps_lock", caps.GetProperty("name").GetString());
        Assert.Equal("0x07:0x39", caps.GetProperty("usage").GetString());
        Assert.Equal(7, caps.GetProperty("page").GetInt32());
        Assert.Equal(0x39, caps.GetProperty("id").GetInt32());
        Assert.Equal(["capslock", "caps"], caps.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void The_real_table_includes_caps_lock_with_its_usage()
    {
        var run = CliRun.OfRemapper("keys", "caps_lock");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"caps_lock\s+0x07:0x39\s+Caps Lock\n\s+aliases: capslock", run.Out);
    }
}
