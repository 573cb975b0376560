using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Keymap;

/// <summary><c>include</c>: shared keymap files merge in; conflicts, cycles and missing files are precise errors.</summary>
public sealed class KeymapIncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Included_sections_merge_into_the_keymap()
    {
        _dir.Write("common.toml", """
            [alias]
            hyper = "ctrl+shift"
            [remap]
            spacebar = "layer(nav)"
            [layer.nav]
            h = "left_arrow"
            [[rule]]
            from = "right_command"
            to = "@hyper"
            [[device]]
            match = { vendor_id = 0x1050 }
            ignore = true
            """);
        var main = _dir.Write("main.toml", "include = [\"common.toml\"]\n[remap]\ncaps_lock = \"@hyper\"\n");
        var result = KeymapLoader.LoadFile(main);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var model = result.Model!;
        Assert.Equal([Usages.CapsLock, Usages.Spacebar], model.Remap.Select(b => b.From[0]));
        Assert.Equal("nav", Assert.Single(model.Layers).Name);
        Assert.Single(model.Rules);
        Assert.Single(model.Devices);
        Assert.EndsWith("common.toml", model.Layers[0].Location.File);
    }

    [Fact]
    public void Include_can_be_a_single_string_and_nested_in_a_subdirectory()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "parts"));
        _dir.Write("parts/a.toml", "include = \"b.toml\"\n[remap]\na = \"c\"\n");
        _dir.Write("parts/b.toml", "[remap]\nh = \"c\"\n");
        var main = _dir.Write("main.toml", "include = \"parts/a.toml\"\n");
        var result = KeymapLoader.LoadFile(main);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, result.Model!.Remap.Count);
    }

    [Fact]
    public void Key_bound_in_both_files_is_an_error_naming_both_places()
    {
        var common = _dir.Write("common.toml", "[remap]\ncapslock = \"a\"\n");
        var main = _dir.Write("main.toml", "include = [\"common.toml\"]\n[remap]\ncaps_lock = \"escape\"\n");
        var error = Assert.Single(KeymapLoader.LoadFile(main).Diagnostics);
        Assert.Equal(new SourceLocation(common, 2, 1), error.Location);
        Assert.Contains($"already bound at {main}:3:1", error.Message);
    }

    [Fact]
    public void Setting_given_in_both_files_is_an_error()
    {
        _dir.Write("common.toml", "[settings]\ntapping_term_ms = 150\n");
        var main = _dir.Write("main.toml", "include = [\"common.toml\"]\n[settings]\ntapping_term_ms = 200\n");
        var error = Assert.Single(KeymapLoader.LoadFile(main).Diagnostics);
        Assert.Contains("'tapping_term_ms' is already set at", error.Message);
    }

    [Fact]
    public void Include_cycle_names_the_chain_at_the_include_that_closes_it()
    {
        var b = _dir.Write("b.toml", "include = [\"a.toml\"]\n");
        var a = _dir.Write("a.toml", "include = [\"b.toml\"]\n");
        var error = Assert.Single(KeymapLoader.LoadFile(a).Diagnostics);
        Assert.Equal(new SourceLocation(b, 1, 12), error.Location);
        Assert.Contains("include cycle: a.toml → b.toml → a.toml", error.Message);
    }

    [Fact]
    public void File_including_itself_is_a_cycle()
    {
        var a = _dir.Write("a.toml", "include = \"a.toml\"\n");
        var error = Assert.Single(KeymapLoader.LoadFile(a).Diagnostics);
        Assert.Contains("include cycle: a.toml → a.toml", error.Message);
    }

    [Fact]
    public void Missing_include_is_an_error_at_the_include_string()
    {
        var main = _dir.Write("main.toml", "version = 1\ninclude = [\"common.toml\", \"nope.toml\"]\n");
        _dir.Write("common.toml", "");
        var error = Assert.Single(KeymapLoader.LoadFile(main).Diagnostics);
        Assert.Equal(new SourceLocation(main, 2, 27), error.Location);
        Assert.Contains("cannot include 'nope.toml': file not found", error.Message);
    }

    [Fact]
    public void Errors_in_included_files_come_after_the_main_files_with_their_own_positions()
    {
        var common = _dir.Write("common.toml", "\n[remap]\na = \"escpe\"\n");
        var main = _dir.Write("main.toml", "include = \"common.toml\"\n[remap]\ncaps_lock = \"nope\"\n");
        var diagnostics = KeymapLoader.LoadFile(main).Diagnostics;
        Assert.Equal([(main, 3, 13), (common, 3, 5)], diagnostics.Select(d => (d.Location.File, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void File_included_twice_along_different_paths_counts_once()
    {
        _dir.Write("shared.toml", "[remap]\na = \"c\"\n");
        _dir.Write("x.toml", "include = \"shared.toml\"\n");
        var main = _dir.Write("main.toml", "include = [\"x.toml\", \"shared.toml\"]\n");
        var result = KeymapLoader.LoadFile(main);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Model!.Remap);
    }

    [Fact]
    public void Include_of_the_wrong_type()
    {
        var main = _dir.Write("main.toml", "include = 3\n");
        var error = Assert.Single(KeymapLoader.LoadFile(main).Diagnostics);
        Assert.Contains("expected a string or an array of strings, got an integer", error.Message);
    }
}
