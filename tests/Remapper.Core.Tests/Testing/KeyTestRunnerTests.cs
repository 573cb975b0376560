using Remapper.Core.Devices;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Core.Testing;

namespace Remapper.Core.Tests.Testing;

/// <summary>
/// The runner's own behaviour — virtual time, timer firing, the diff, the final checks — against a tiny
/// stand-in engine, so it is tested independently of the real one.
/// </summary>
public class KeyTestRunnerTests
{
    /// <summary>
    /// Passes keys through, except: caps_lock is escape on tap / left_control after 200 ms;
    /// left_shift sends only a down (a stuck key); escape sends only an up (a phantom release); spacebar throws.
    /// (Only keys of the placeholder name table are used, so these tests do not depend on the full table.)
    /// </summary>
    private sealed class FakeEngine(IKeyOutput output) : IKeyTestEngine
    {
        private long _capsDeadline = long.MaxValue;
        private bool _capsHeld;
        public List<KeyboardIdentity> Attached { get; } = [];

        public int AttachDevice(KeyboardIdentity identity) { Attached.Add(identity); return Attached.Count - 1; }
        public void DetachDevice(int slot, long nowUs) => output.Send(Usages.Enter, true);
        public long NextDeadlineUs => _capsDeadline;

        public void Advance(long nowUs)
        {
            if (nowUs < _capsDeadline) return;
            _capsDeadline = long.MaxValue;
            _capsHeld = true;
            output.Send(Usages.LeftControl, true);
        }

        public void Process(in KeyEvent e)
        {
            if (e.Usage == Usages.CapsLock)
            {
                if (e.Down) { _capsDeadline = e.TimeUs + 200_000; return; }
                if (_capsHeld) { output.Send(Usages.LeftControl, false); _capsHeld = false; return; }
                _capsDeadline = long.MaxValue;
                output.Send(Usages.Escape, true);
                output.Send(Usages.Escape, false);
                return;
            }
            if (e.Usage == Usages.LeftShift && !e.Down) return;
            if (e.Usage == Usages.Escape && e.Down) return;
            if (e.Usage == Usages.Spacebar) throw new InvalidOperationException("space is broken");
            output.Send(e.Usage, e.Down);
        }
    }

    private static readonly KeymapModel Model = new("k.toml", 1, new KeymapSettings(), [], [], [], []);

    private static KeyTestFileResult Run(string text)
    {
        var parsed = KeyTestParser.Parse(text, "x.keytest");
        Assert.True(parsed.Success, string.Join("\n", parsed.Errors));
        var runner = new KeyTestRunner(_ => new KeymapLoadResult(Model, []), (_, output) => new FakeEngine(output));
        return runner.Run(parsed.File!);
    }

    private static KeyTestResult RunOne(string body) => Assert.Single(Run("keymap k.toml\ntest t\n" + body).Results);

    [Fact]
    public void Timers_fire_at_their_own_deadline_not_at_the_end_of_the_wait()
    {
        var result = RunOne("""
              caps_lock down
              1s
              caps_lock up
            expect
              left_control down @200ms
              left_control up @1s
            """);
        Assert.True(result.Passed, result.Failure);
    }

    [Fact]
    public void Pending_timers_fire_after_the_last_input()
    {
        var result = RunOne("  caps_lock down\nexpect\n  left_control down @200ms\n");
        Assert.False(result.Passed);
        Assert.Contains("still pressed after every key went up and timers ran: left_control", result.Failure);
    }

    [Fact]
    public void Times_are_checked_only_where_written()
    {
        Assert.True(RunOne("  10ms\n  caps_lock tap\nexpect\n  escape down\n  escape up @10ms\n").Passed);
        var wrong = RunOne("  10ms\n  caps_lock tap\nexpect\n  escape down @20ms\n  escape up\n");
        Assert.False(wrong.Passed);
        Assert.Contains("output differs at event 1 (expect line 6)", wrong.Failure);
    }

    [Fact]
    public void A_failure_shows_an_aligned_diff_with_the_first_difference_marked()
    {
        var result = RunOne("""
              a down
              ctrl down
              a up
              ctrl up
            expect
              a down
              a up
              ctrl down
              ctrl up
            """);
        Assert.False(result.Passed);
        Assert.Equal(
            """
            x.keytest:2: test 't' failed: output differs at event 2 (expect line 9)
                  expected           actual
                  a down             a down @0ms
              >>  a up               left_control down @0ms
                  left_control down  a up @0ms
                  left_control up    left_control up @0ms
            """.ReplaceLineEndings("\n"),
            result.Failure);
    }

    [Fact]
    public void Missing_and_extra_output_both_fail()
    {
        var missing = RunOne("  a tap\nexpect\n  a down\n  a up\n  ctrl down\n  ctrl up\n");
        Assert.Contains(">>  left_control down", missing.Failure);
        var extra = RunOne("  a tap\nexpect\n  a down\n");
        Assert.Contains(">>            a up @0ms", extra.Failure);
        var none = RunOne("  a tap\nexpect nothing\n");
        Assert.Contains(">>  (nothing)  a down @0ms", none.Failure);
    }

    [Fact]
    public void A_key_left_pressed_fails_even_when_the_listed_output_matches()
    {
        var result = RunOne("  shift tap\nexpect\n  left_shift down\n");
        Assert.False(result.Passed);
        Assert.EndsWith("still pressed after every key went up and timers ran: left_shift", result.Failure);
    }

    [Fact]
    public void An_up_without_a_down_fails()
    {
        var result = RunOne("  5ms\n  escape tap\nexpect\n  escape up\n");
        Assert.False(result.Passed);
        Assert.Contains("escape up @5ms without a matching down", result.Failure);
    }

    [Fact]
    public void Devices_are_attached_and_events_carry_their_slot()
    {
        var file = KeyTestParser.Parse("keymap k.toml\ndevice kb2 bus=bluetooth\ntest t\n  a tap on kb2\n  unplug kb2\nexpect\n  a down\n  a up\n", "x.keytest").File!;
        FakeEngine? engine = null;
        var runner = new KeyTestRunner(_ => new KeymapLoadResult(Model, []), (_, o) => engine = new FakeEngine(o));
        var result = Assert.Single(runner.Run(file).Results);
        Assert.Equal(["default", "kb2"], engine!.Attached.Select(a => a == TestDevice.Default.Identity ? "default" : "kb2"));
        Assert.Contains("still pressed", result.Failure); // the fake's unplug presses enter
    }

    [Fact]
    public void An_engine_exception_is_a_failure_not_a_crash()
    {
        var result = RunOne("  space tap\nexpect nothing\n");
        Assert.False(result.Passed);
        Assert.Contains("the engine threw InvalidOperationException: space is broken", result.Failure);
    }

    [Fact]
    public void Keymap_errors_are_reported_for_the_whole_file()
    {
        var parsed = KeyTestParser.Parse("keymap k.toml\ntest t\n a tap\nexpect nothing\n", "x.keytest").File!;
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, new SourceLocation("k.toml", 3, 7), "unknown key 'escpe'", "did you mean 'escape'?");
        var runner = new KeyTestRunner(_ => new KeymapLoadResult(null, [diagnostic]), (_, o) => new FakeEngine(o));
        var result = runner.Run(parsed);
        Assert.False(result.Passed);
        Assert.Empty(result.Results);
        Assert.Equal(["x.keytest:1: the keymap does not load:", "k.toml:3:7: error: unknown key 'escpe' — did you mean 'escape'?"], result.FileErrors);
    }
}
