using Remapper.Core.Hid;
using Remapper.Core.Testing;

namespace Remapper.Core.Tests.Testing;

public class KeyTestParserTests
{
    private static KeyTestFile ParseOk(string text)
    {
        var result = KeyTestParser.Parse(text, "/t/x.keytest");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.File!;
    }

    private static List<string> Errors(string text) =>
        KeyTestParser.Parse(text, "x.keytest").Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Reads_keymap_path_steps_and_expectations()
    {
        var file = ParseOk("""
            # a comment
            keymap ../config/default.toml   # trailing comment

            test caps lock tapped is escape
                caps_lock down
                50ms
                caps_lock up
              expect
                escape down @50ms
                escape up
            """);

        Assert.Equal(Path.GetFullPath("/config/default.toml"), file.Keymap.FilePath);
        var test = Assert.Single(file.Tests);
        Assert.Equal("caps lock tapped is escape", test.Name);
        Assert.Equal(4, test.Line);
        Assert.Equal(
            [new KeyStep(Usages.CapsLock, KeyStepKind.Down, "default", 5), new WaitStep(50_000, 6), new KeyStep(Usages.CapsLock, KeyStepKind.Up, "default", 7)],
            test.Steps);
        Assert.Equal([new ExpectedOutput(Usages.Escape, true, 50_000, 9), new ExpectedOutput(Usages.Escape, false, null, 10)], test.Expected);
        Assert.Equal([TestDevice.Default], file.Devices);
    }

    [Fact]
    public void Inline_keymap_keeps_its_line_numbers_and_columns()
    {
        var file = ParseOk("""
            keymap:
                [remap]
                caps_lock = "escape"

            test t
                a tap
            expect nothing
            """);

        var lines = file.Keymap.InlineText!.Split('\n');
        Assert.Equal("    [remap]", lines[1]);
        Assert.Equal("    caps_lock = \"escape\"", lines[2]);
        Assert.Equal("", lines[0]);
        Assert.Null(file.Keymap.FilePath);
        Assert.Empty(file.Tests[0].Expected);
    }

    [Fact]
    public void Tap_wait_forms_and_devices()
    {
        var file = ParseOk("""
            keymap k.toml
            device usb_kb bus=usb vendor=0x046d product=0xc31c name="Logitech K120 # not a comment"
            device laptop bus=i8042 vendor=1 product=2
            test t
                a tap on usb_kb
                wait 1.5s
                250us
                unplug laptop
            expect
            """);

        Assert.Equal(["default", "usb_kb", "laptop"], file.Devices.Select(d => d.Name));
        var usb = file.Devices[1].Identity;
        Assert.Equal("Logitech K120 # not a comment", usb.Name);
        Assert.Equal((ushort)0x046d, usb.VendorId);
        Assert.Equal((ushort)0xc31c, usb.ProductId);
        Assert.False(usb.IsBuiltIn);
        Assert.True(file.Devices[2].Identity.IsBuiltIn);
        Assert.NotEqual(file.Devices[1].Identity.Id, file.Devices[2].Identity.Id);
        Assert.Equal(
            [new KeyStep(Usages.A, KeyStepKind.Tap, "usb_kb", 5), new WaitStep(1_500_000, 6), new WaitStep(250, 7), new UnplugStep("laptop", 8)],
            file.Tests[0].Steps);
    }

    [Fact]
    public void Redeclaring_default_replaces_the_default_keyboard()
    {
        var file = ParseOk("keymap k.toml\ndevice default bus=spi name=\"Apple Internal Keyboard\"\ntest t\n a tap\nexpect nothing\n");
        var device = Assert.Single(file.Devices);
        Assert.Equal("Apple Internal Keyboard", device.Identity.Name);
        Assert.True(device.Identity.IsBuiltIn);
    }

    [Fact]
    public void Aliases_resolve_to_the_canonical_key()
    {
        var file = ParseOk("keymap k.toml\ntest t\n  esc down\n  ESC up\nexpect\n  lctrl down\n  ctrl up\n");
        Assert.All(file.Tests[0].Steps, s => Assert.Equal(Usages.Escape, ((KeyStep)s).Usage));
        Assert.All(file.Tests[0].Expected, e => Assert.Equal(Usages.LeftControl, e.Usage));
    }

    [Fact]
    public void Reports_every_error_with_its_line_in_one_pass()
    {
        var errors = Errors("""
            keymap k.toml
            test one
                notakey down
                a sideways
                50 ms
                a down on nowhere
              expect
                a tap
                a down @soon
            """);

        Assert.Equal(
        [
            "x.keytest:3: unknown key 'notakey' — `remapper keys` lists every name",
            "x.keytest:4: expected down, up or tap after the key, got 'sideways'",
            "x.keytest:5: write the duration without a space: `50ms`",
            "x.keytest:8: the expected output lists each change: write `KEY down` and `KEY up` on two lines",
            "x.keytest:9: expected a time like `@200ms`, got '@soon'",
            "x.keytest:6: unknown device 'nowhere' — declared: default",
        ], errors);
    }

    [Theory]
    [InlineData("test t\n a tap\nexpect nothing\n", "x.keytest: no keymap: add `keymap PATH` (relative to this file) or an indented `keymap:` block")]
    [InlineData("keymap k.toml\n", "x.keytest: no tests: add `test NAME` followed by input lines and an `expect` section")]
    [InlineData("keymap k.toml\na down\n", "x.keytest:2: unexpected 'a' outside a test — start one with `test NAME`")]
    [InlineData("keymap k.toml\ntest t\n a down\n", "x.keytest:2: test 't' has no `expect` section (write `expect nothing` if it should produce no output)")]
    [InlineData("keymap k.toml\ntest t\nexpect nothing\n", "x.keytest:2: test 't' has no input lines")]
    [InlineData("keymap k.toml\ntest t\n a tap\nexpect\ntest t\n a tap\nexpect\n", "x.keytest:5: a second test named 't': names must be unique in a file")]
    [InlineData("keymap k.toml\nkeymap j.toml\ntest t\n a tap\nexpect\n", "x.keytest:2: a second keymap: a test file has exactly one")]
    [InlineData("keymap:\ntest t\n a tap\nexpect\n", "x.keytest:1: the `keymap:` block is empty: indent the TOML lines under it")]
    [InlineData("keymap k.toml\ndevice kb vendor=0x1ffff\ntest t\n a tap\nexpect\n", "x.keytest:2: vendor must be a 16-bit number like 0x046d, got '0x1ffff'")]
    [InlineData("keymap k.toml\ndevice kb bus=floppy\ntest t\n a tap\nexpect\n", "x.keytest:2: unknown bus 'floppy' — use usb, bluetooth, i8042, spi, i2c, host, virtual or pci")]
    [InlineData("keymap k.toml\ndevice kb colour=red\ntest t\n a tap\nexpect\n", "x.keytest:2: unknown device property 'colour' — use bus, vendor, product, name, phys or builtin")]
    [InlineData("keymap k.toml\ndevice kb name=\"open\ntest t\n a tap\nexpect\n", "x.keytest:2: unterminated string: a \" has no closing \"")]
    [InlineData("keymap k.toml\ntest t\n a tap\nexpect\nexpect\n", "x.keytest:5: a second `expect` in this test")]
    [InlineData("keymap k.toml\ntest t\n 50\nexpect\n", "x.keytest:3: '50' is not a duration — write it like `50ms`, `1s` or `250us`")]
    [InlineData("keymap k.toml\ntest t\n -5ms\nexpect\n", "x.keytest:3: expected `KEY down`, `KEY up` or `KEY tap` (optionally followed by `on DEVICE`), or a duration like `50ms`")]
    [InlineData("keymap k.toml\ntest t\n led caps_lock maybe\nexpect\n", "x.keytest:3: expected `led caps_lock on` or `led caps_lock off`")]
    [InlineData("keymap k.toml\ntest t\n keys-released\nexpect\n", "x.keytest:3: expected `keys-released DEVICE`")]
    [InlineData("keymap k.toml\ntest t\n keys-released laptop\nexpect\n", "x.keytest:3: unknown device 'laptop' — declared: default")]
    public void Reports_structural_mistakes(string text, string error) =>
        Assert.Contains(error, Errors(text));

    [Fact]
    public void Reads_the_caps_lock_led_and_keys_released_lines()
    {
        var file = ParseOk("keymap k.toml\ndevice kb bus=usb\ntest t\n  led caps_lock on\n  a down on kb\n  keys-released kb\n  led caps_lock off\nexpect nothing\n");
        Assert.Equal(
            [new CapsLockLedStep(true, 4), new KeyStep(Usages.A, KeyStepKind.Down, "kb", 5), new KeysReleasedStep("kb", 6), new CapsLockLedStep(false, 7)],
            file.Tests[0].Steps);
    }

    [Fact]
    public void A_bad_input_line_is_reported_once_not_also_as_a_missing_input()
    {
        Assert.Equal(["x.keytest:3: unknown key 'nokey' — `remapper keys` lists every name"],
            Errors("keymap k.toml\ntest t\n  nokey tap\nexpect nothing\n"));
    }

    [Fact]
    public void A_known_difference_marker_belongs_to_its_test()
    {
        var result = KeyTestParser.Parse("keymap k.toml\ntest a\n  known-difference: Karabiner restores it lazily # why\n  a tap\nexpect\n  a down\n  a up\ntest b\n  b tap\nexpect nothing\n", "x.keytest");
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal("Karabiner restores it lazily", result.File!.Tests[0].KnownDifference);
        Assert.Null(result.File.Tests[1].KnownDifference);
        Assert.Single(result.File.Tests[0].Steps);
    }

    [Theory]
    [InlineData("keymap k.toml\nknown-difference: x\ntest a\n  a tap\nexpect nothing\n", "x.keytest:2: `known-difference:` outside a test — put it inside the test it describes")]
    [InlineData("keymap k.toml\ntest a\n  known-difference:\n  a tap\nexpect nothing\n", "x.keytest:3: say what differs and why: `known-difference: REASON`")]
    [InlineData("keymap k.toml\ntest a\n  known-difference: x\n  known-difference: y\n  a tap\nexpect nothing\n", "x.keytest:4: a second `known-difference:` in this test")]
    public void Known_difference_mistakes_are_reported(string text, string error) =>
        Assert.Contains(error, KeyTestParser.Parse(text, "x.keytest").Errors.Select(e => e.ToString()));

    [Fact]
    public void Binary_garbage_is_one_clear_error()
    {
        var errors = Errors("keymap\0\u0001\u0002 k.toml");
        Assert.Equal(["x.keytest: this is not a text file (it contains NUL bytes)"], errors);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(42);
        const string alphabet = "abc xyz:#\"=@\n\t 0123456789msup_downtapexpectkeymapdevice";
        for (var i = 0; i < 2000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var result = KeyTestParser.Parse(new string(chars), "r.keytest");
            Assert.True(result.Success || result.Errors.Count > 0);
        }
    }

    [Theory]
    [InlineData("50ms", 50_000L)]
    [InlineData("1s", 1_000_000L)]
    [InlineData("1.5s", 1_500_000L)]
    [InlineData("250us", 250L)]
    [InlineData("0ms", 0L)]
    public void Parses_durations(string text, long us)
    {
        Assert.True(KeyTestTime.TryParse(text, out var value));
        Assert.Equal(us, value);
    }

    [Theory]
    [InlineData("50")]
    [InlineData("ms")]
    [InlineData("-1ms")]
    [InlineData("1.5us")]
    [InlineData("99999999999999s")]
    [InlineData("79228162514264337593543950335s")] // decimal.MaxValue: the product overflowed (afl-fuzz)
    [InlineData("5 ms")]
    public void Rejects_bad_durations(string text) => Assert.False(KeyTestTime.TryParse(text, out _));
}
