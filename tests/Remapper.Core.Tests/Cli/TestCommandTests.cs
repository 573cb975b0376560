using Remapper.Cli.Commands;
using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Core.Testing;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper test</c> with a pass-through stand-in engine: what the user sees and the exit codes.</summary>
public class TestCommandTests
{
    private sealed class PassThrough(IKeyOutput output) : IKeyTestEngine
    {
        public int AttachDevice(KeyboardIdentity identity) => 0;
        public void DetachDevice(int slot, long nowUs) { }
        public void Process(in KeyEvent e) => output.Send(e.Usage, e.Down);
        public void Advance(long nowUs) { }
        public long NextDeadlineUs => long.MaxValue;
    }

    private static readonly KeymapModel Model = new("k.toml", 1, new KeymapSettings(), [], [], [], []);

    private static CliRun Test(params string[] args) =>
        CliRun.Of(TestCommand.Create(new KeyTestRunner(_ => new KeymapLoadResult(Model, []), (_, o) => new PassThrough(o))), ["test", .. args]);

    private const string Passing = """
        keymap k.toml
        test a passes through
            a tap
        expect
            a down
            a up
        """;

    private const string Failing = """
        keymap k.toml
        test a becomes escape
            a tap
        expect
            escape down
            escape up
        """;

    [Fact]
    public void A_known_difference_that_still_differs_is_counted_apart_and_does_not_fail()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Failing.Replace("    a tap", "    known-difference: the engine passes a through\n    a tap"));
        var run = Test(path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}\n  ~ a becomes escape (known difference: the engine passes a through)\n0 passed, 0 failed, 1 known difference\n", run.Out);
    }

    [Fact]
    public void A_known_difference_that_passes_fails_so_the_marker_is_removed()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Passing.Replace("    a tap", "    known-difference: once differed\n    a tap"));
        var run = Test(path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{path}\n  ✗ a passes through\n      {path}:2: marked as a known difference but passes now: remove its `known-difference:` line\n0 passed, 1 failed\n", run.Out);
    }

    [Fact]
    public void Passing_tests_print_a_tick_and_exit_0()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Passing);
        var run = Test(path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}\n  ✓ a passes through\n1 passed, 0 failed\n", run.Out);
    }

    [Fact]
    public void A_failing_test_prints_a_cross_the_diff_and_exits_1()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Failing);
        var run = Test(path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"""
            {path}
              ✗ a becomes escape
                  {path}:2: test 'a becomes escape' failed: output differs at event 1 (expect line 5)
                        expected     actual
                    >>  escape down  a down @0ms
                        escape up    a up @0ms
            0 passed, 1 failed

            """.ReplaceLineEndings("\n"),
            run.Out);
    }

    [Fact]
    public void A_folder_is_searched_recursively_and_summed()
    {
        using var dir = new TempDir();
        dir.File("one.keytest", Passing);
        dir.File("nested/deeper/two.keytest", Failing);
        dir.File("nested/not-a-test.toml", "[remap]");
        var run = Test(dir.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("✓ a passes through", run.Out);
        Assert.Contains("✗ a becomes escape", run.Out);
        Assert.DoesNotContain("not-a-test", run.Out);
        Assert.EndsWith("1 passed, 1 failed\n", run.Out);
    }

    [Fact]
    public void Several_paths_and_a_filter()
    {
        using var dir = new TempDir();
        var a = dir.File("a.keytest", Passing);
        var b = dir.File("b.keytest", Failing);
        var run = Test(a, b, "--filter", "PASSES");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("1 passed, 0 failed\n", run.Out);
    }

    [Fact]
    public void Parse_errors_are_reported_with_file_and_line_and_fail()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.keytest", "keymap k.toml\ntest t\n    a sideways\nexpect nothing\n");
        var run = Test(path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  ✗ {path}:3: expected down, up or tap after the key, got 'sideways'\n", run.Out);
        Assert.EndsWith("0 passed, 1 failed\n", run.Out);
    }

    [Fact]
    public void A_keymap_that_does_not_load_fails_the_file_with_its_diagnostics()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Passing);
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, new SourceLocation("k.toml", 2, 3), "unknown key 'x'");
        var runner = new KeyTestRunner(_ => new KeymapLoadResult(null, [diagnostic]), (_, o) => new PassThrough(o));
        var run = CliRun.Of(TestCommand.Create(runner), "test", path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"  ✗ {path}:1: the keymap does not load:\n      k.toml:2:3: error: unknown key 'x'\n", run.Out);
    }

    [Fact]
    public void Binary_garbage_fails_that_file_without_a_crash()
    {
        using var dir = new TempDir();
        var path = dir.Bytes("junk.keytest", [0x00, 0x01, 0xfe]);
        var run = Test(path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a text file (binary data at byte 0)", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_missing_path_is_one_line_and_exit_2()
    {
        var run = Test("/nonexistent/x.keytest");
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError("remapper test: '/nonexistent/x.keytest' does not exist");
    }

    [Fact]
    public void A_folder_without_tests_is_exit_2()
    {
        using var dir = new TempDir();
        var run = Test(dir.Path);
        Assert.Equal(2, run.ExitCode);
        run.AssertOneLineError($"remapper test: no .keytest files in '{dir.Path}'");
    }

    [Fact]
    public void A_filter_matching_nothing_fails()
    {
        using var dir = new TempDir();
        var path = dir.File("a.keytest", Passing);
        var run = Test(path, "--filter", "zzz");
        Assert.Equal(1, run.ExitCode);
        run.AssertOneLineError("remapper test: no test name contains 'zzz'");
    }

    [Fact]
    public void No_path_is_a_usage_error()
    {
        var run = Test();
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Try 'remapper test --help'.", run.Error);
    }
}
