using System.Text.Json;
using Remapper.Cli;
using Remapper.Daemon;
using Remapper.Cli.Commands;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper check</c> with a stand-in loader: exit codes, text and JSON output, every bad-input case.</summary>
public class CheckCommandTests
{
    private static readonly KeymapModel Model = new("k.toml", 1, new KeymapSettings(), [], [], [], []);

    private static KeymapLoadResult Valid(string text, string path) => new(Model, []);

    private static KeymapLoadResult Invalid(string text, string path) => new(null,
    [
        new Diagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 3, 13), "unknown key 'escpe'", "did you mean 'escape'?"),
        new Diagnostic(DiagnosticSeverity.Warning, new SourceLocation(path, 5, 1), "layer 'nav' is never used"),
        new Diagnostic(DiagnosticSeverity.Error, new SourceLocation(path, 7, 5), "unknown layer 'navv'"),
    ]);

    [Fact]
    public void A_valid_keymap_exits_0()
    {
        using var dir = new TempDir();
        var path = dir.File("k.toml", "[remap]\n");
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}: ok\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void An_invalid_keymap_prints_each_diagnostic_and_exits_1()
    {
        using var dir = new TempDir();
        var path = dir.File("k.toml", "[remap]\n");
        var run = CliRun.Of(CheckCommand.Create(Invalid), "check", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"{path}:3:13: error: unknown key 'escpe' — did you mean 'escape'?\n" +
            $"{path}:5:1: warning: layer 'nav' is never used\n" +
            $"{path}:7:5: error: unknown layer 'navv'\n" +
            $"{path}: 2 errors, 1 warning\n",
            run.Out);
    }

    [Fact]
    public void Json_output_is_a_documented_object()
    {
        using var dir = new TempDir();
        var path = dir.File("k.toml", "[remap]\n");
        var run = CliRun.Of(CheckCommand.Create(Invalid), "check", "--json", path);
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(path, root.GetProperty("path").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(2, root.GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal(path, first.GetProperty("file").GetString());
        Assert.Equal(3, first.GetProperty("line").GetInt32());
        Assert.Equal(13, first.GetProperty("column").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("unknown key 'escpe'", first.GetProperty("message").GetString());
        Assert.Equal("did you mean 'escape'?", first.GetProperty("suggestion").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("diagnostics")[2].GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public void Json_for_a_valid_keymap()
    {
        using var dir = new TempDir();
        var path = dir.File("k.toml", "[remap]\n");
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Without_a_path_it_checks_the_shipped_default_keymap()
    {
        string? seen = null;
        var run = CliRun.Of(CheckCommand.Create((_, p) => { seen = p; return Valid("", p); }), "check");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith(Path.Combine("config", "default.toml"), seen);
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_2()
    {
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", "/nonexistent/keymap.toml");
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("remapper check: '/nonexistent/keymap.toml' does not exist");
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_folder_is_one_line_and_exit_2()
    {
        using var dir = new TempDir();
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", dir.Path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError($"'{dir.Path}' is a folder, not a file");
    }

    [Fact]
    public void Binary_garbage_is_one_line_and_exit_2()
    {
        using var dir = new TempDir();
        var path = dir.Bytes("k.toml", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xff]);
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("is not a text file (binary data at byte 6)");
    }

    [Fact]
    public void Invalid_utf8_is_one_line_and_exit_2()
    {
        using var dir = new TempDir();
        var path = dir.Bytes("k.toml", [0x61, 0x20, 0x3d, 0x20, 0xc3, 0x28]);
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("is not a text file (it is not valid UTF-8)");
    }

    [Fact]
    public void An_unreadable_file_is_one_line_and_exit_2()
    {
        // /proc/self/mem exists but reading it from offset 0 fails with EIO: an unreadable file even for root.
        Assert.True(File.Exists("/proc/self/mem"));
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", "/proc/self/mem");
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("remapper check: cannot read '/proc/self/mem'");
    }

    [Fact]
    public void A_loader_crash_is_one_line_not_a_stack_trace()
    {
        using var dir = new TempDir();
        var path = dir.File("k.toml", "[remap]\n");
        var run = CliRun.Of(CheckCommand.Create((_, _) => throw new InvalidOperationException("boom")), "check", path);
        Assert.Equal(ExitCodes.InternalError, run.ExitCode);
        run.AssertOneLineError("remapper: internal error: InvalidOperationException: boom");
    }

    [Fact]
    public void Help_describes_the_command()
    {
        var run = CliRun.Of(CheckCommand.Create(Valid), "check", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("file:line:col", run.Out);
        Assert.Contains("--json", run.Out);
        Assert.Contains("PATH", run.Out);
    }

    [Fact]
    public void Several_paths_are_checked_in_turn_and_the_exit_code_is_the_worst_outcome()
    {
        using var dir = new TempDir();
        var good = dir.File("good.toml", "version = 1\n[remap]\na = \"b\"\n");
        var bad = dir.File("bad.toml", "version = 1\n[remap]\na = \"not_a_key\"\n");
        var run = CliRun.Of(CheckCommand.Create(), "check", good, bad);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{good}: ok", run.Out);
        Assert.Contains($"{bad}: 1 error", run.Out);

        var missing = CliRun.Of(CheckCommand.Create(), "check", good, "/nonexistent.toml", bad);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"{bad}: 1 error", missing.Out); // a missing file does not stop the others
    }

    [Fact]
    public void A_dash_reads_the_keymap_from_standard_input()
    {
        var run = CliRun.Of(CheckCommand.Create(stdin: () => new StringReader("version = 1\n[remap]\na = \"escpe\"\n")), "check", "-");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<stdin>:3:5: error: unknown key 'escpe'", run.Out);
    }

    [Fact]
    public void Json_for_several_paths_is_an_array_of_the_single_path_objects()
    {
        using var dir = new TempDir();
        var a = dir.File("a.toml", "version = 1\n");
        var b = dir.File("b.toml", "version = 1\n[remap]\nx = \"nope\"\n");
        var run = CliRun.Of(CheckCommand.Create(), "check", a, b, "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal([true, false], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("valid").GetBoolean()));
    }

    [Fact]
    public void Without_a_path_it_checks_the_keymap_run_would_use_the_users_own_when_it_exists()
    {
        using var dir = new TempDir();
        var own = dir.File("remapper/config.toml", "version = 1\n");
        var saved = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var savedConfig = Environment.GetEnvironmentVariable("REMAPPER_CONFIG");
        try
        {
            Environment.SetEnvironmentVariable("REMAPPER_CONFIG", null);
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", dir.Path);
            string? seen = null;
            CliRun.Of(CheckCommand.Create((_, p) => { seen = p; return Valid("", p); }), "check");
            Assert.Equal(own, seen);
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", saved);
            Environment.SetEnvironmentVariable("REMAPPER_CONFIG", savedConfig);
        }
    }
}
