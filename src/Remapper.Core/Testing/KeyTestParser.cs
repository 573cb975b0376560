using System.Globalization;
using Remapper.Core.Devices;
using Remapper.Core.Hid;

namespace Remapper.Core.Testing;

/// <summary>
/// <c>.keytest</c> text → <see cref="KeyTestFile"/>. Line-based; reports every error of a file in one pass and
/// never throws on bad input. The format is described in docs/keymap-tests.md.
/// </summary>
public static class KeyTestParser
{
    public const string FileExtension = ".keytest";

    /// <summary>Marks a test whose expectation Remapper is known not to meet yet: <c>known-difference: REASON</c>.</summary>
    public const string KnownDifferencePrefix = "known-difference:";

    public static KeyTestParseResult ParseFile(string path)
    {
        // The keymap's bounded reader: a test file named by mistake as a FIFO or a device must not hang `remapper test`.
        var text = Keymap.Loading.KeymapFileReader.TryRead(path, out var error);
        return text is null ? new(null, [new KeyTestError(path, 0, $"cannot read the file: {error}")]) : Parse(text, path);
    }

    public static KeyTestParseResult Parse(string text, string path) => new Parser(text, path).Run();

    private sealed class Parser(string text, string path)
    {
        private readonly List<KeyTestError> _errors = [];
        private readonly List<TestDevice> _devices = [];
        private readonly List<KeyTestCase> _tests = [];
        private readonly List<(string Device, int Line)> _deviceUses = [];
        private KeymapSource? _keymap;

        // The test being read.
        private string? _testName;
        private int _testLine;
        private List<TestStep> _steps = [];
        private List<ExpectedOutput> _expected = [];
        private List<ExpectedMotion> _motion = [];
        private bool _inExpect;

        public KeyTestParseResult Run()
        {
            if (text.Contains('\0'))
                return new(null, [new KeyTestError(path, 0, "this is not a text file (it contains NUL bytes)")]);

            var lines = text.ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var lineNo = i + 1;
                var raw = lines[i];
                if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;

                var words = KeyTestTokenizer.Split(raw, out var tokenError);
                if (tokenError is not null) { Error(lineNo, tokenError); continue; }
                if (words.Count == 0) continue;

                switch (words[0])
                {
                    case "keymap:":
                        i = ReadInlineKeymap(lines, i);
                        break;
                    case "keymap":
                        ReadKeymapPath(words, lineNo);
                        break;
                    case "device":
                        ReadDevice(words, lineNo);
                        break;
                    case "test":
                        StartTest(raw, lineNo);
                        break;
                    case "expect":
                        StartExpect(words, lineNo);
                        break;
                    case KnownDifferencePrefix:
                        ReadKnownDifference(raw, lineNo);
                        break;
                    default:
                        if (_testName is null)
                            Error(lineNo, $"unexpected '{words[0]}' outside a test — start one with `test NAME`");
                        else if (_inExpect)
                            ReadExpectation(words, lineNo);
                        else
                            ReadStep(words, lineNo);
                        break;
                }
            }
            EndTest();

            if (_keymap is null)
                Error(0, "no keymap: add `keymap PATH` (relative to this file) or an indented `keymap:` block");
            if (_tests.Count == 0)
                Error(0, "no tests: add `test NAME` followed by input lines and an `expect` section");
            foreach (var (device, line) in _deviceUses)
            {
                if (!DeviceNames().Contains(device))
                    Error(line, $"unknown device '{device}' — declared: {string.Join(", ", DeviceNames())}");
            }

            if (_errors.Count > 0) return new(null, _errors);
            var devices = _devices.Any(d => d.Name == TestDevice.DefaultName)
                ? _devices
                : [TestDevice.Default, .. _devices];
            return new(new KeyTestFile(path, _keymap!, devices, _tests), []);
        }

        private IEnumerable<string> DeviceNames() =>
            _devices.Any(d => d.Name == TestDevice.DefaultName)
                ? _devices.Select(d => d.Name)
                : _devices.Select(d => d.Name).Prepend(TestDevice.DefaultName);

        private void Error(int line, string message) => _errors.Add(new KeyTestError(path, line, message));

        private int ReadInlineKeymap(string[] lines, int start)
        {
            var startLine = start + 1;
            if (_keymap is not null) Error(startLine, "a second keymap: a test file has exactly one");
            if (KeyTestTokenizer.StripComment(lines[start]) != "keymap:")
                Error(startLine, "write the inline keymap on the lines after `keymap:`, indented");

            // Blank lines stand in for everything before the block so keymap diagnostics carry this file's
            // line numbers; the lines keep their indentation (TOML ignores it) so columns match too.
            var block = new List<string>();
            for (var n = 0; n <= start; n++) block.Add("");
            var end = start + 1;
            for (; end < lines.Length; end++)
            {
                var line = lines[end];
                var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
                var blankOrComment = line.Trim().Length == 0 || line.StartsWith('#');
                if (!indented && !blankOrComment) break;
                block.Add(line);
            }
            if (block.Skip(start + 1).All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#')))
                Error(startLine, "the `keymap:` block is empty: indent the TOML lines under it");
            _keymap ??= new KeymapSource(null, string.Join("\n", block), path, startLine);
            return end - 1;
        }

        private void ReadKeymapPath(List<string> words, int line)
        {
            if (_keymap is not null) { Error(line, "a second keymap: a test file has exactly one"); return; }
            if (words.Count != 2) { Error(line, "expected `keymap PATH` (a path relative to this file) or `keymap:` and an indented block"); return; }
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            _keymap = new KeymapSource(Path.GetFullPath(Path.Combine(folder, words[1])), null, path, line);
        }

        private void ReadDevice(List<string> words, int line)
        {
            if (_testName is not null) { Error(line, "declare devices before the first test"); return; }
            if (words.Count < 2) { Error(line, "expected `device NAME bus=usb vendor=0x046d product=0xc31c name=\"...\"`"); return; }
            var name = words[1];
            if (name.Contains('='))  { Error(line, $"the device needs a name before its properties, e.g. `device laptop {name}`"); return; }
            if (_devices.Any(d => d.Name == name)) { Error(line, $"device '{name}' is declared twice"); return; }

            var bus = DeviceBus.Usb;
            ushort vendor = 0x0001, product = 0x0001;
            string? displayName = null, phys = null;
            bool? builtIn = null;
            foreach (var word in words.Skip(2))
            {
                var eq = word.IndexOf('=');
                if (eq <= 0) { Error(line, $"expected key=value, got '{word}'"); continue; }
                var key = word[..eq];
                var value = word[(eq + 1)..];
                switch (key)
                {
                    case "bus":
                        if (!DeviceBusExtensions.TryParseKeymapName(value, out bus))
                            Error(line, $"unknown bus '{value}' — use usb, bluetooth, i8042, spi, i2c, host, virtual or pci");
                        break;
                    case "vendor":
                        if (!TryParseId(value, out vendor)) Error(line, $"vendor must be a 16-bit number like 0x046d, got '{value}'");
                        break;
                    case "product":
                        if (!TryParseId(value, out product)) Error(line, $"product must be a 16-bit number like 0xc31c, got '{value}'");
                        break;
                    case "name": displayName = value; break;
                    case "phys": phys = value; break;
                    case "builtin":
                        if (bool.TryParse(value, out var b)) builtIn = b;
                        else Error(line, $"builtin must be true or false, got '{value}'");
                        break;
                    default:
                        Error(line, $"unknown device property '{key}' — use bus, vendor, product, name, phys or builtin");
                        break;
                }
            }
            phys ??= "keytest-" + name;
            var identity = new KeyboardIdentity(
                KeyboardIdentity.MakeId(bus, vendor, product, phys), displayName ?? name, bus, vendor, product, phys, builtIn);
            _devices.Add(new TestDevice(name, identity, line));
        }

        private static bool TryParseId(string text, out ushort value)
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                return ushort.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
            return ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        private void StartTest(string raw, int line)
        {
            EndTest();
            var name = KeyTestTokenizer.StripComment(raw)["test".Length..].Trim();
            if (name.Length == 0) { Error(line, "the test needs a name: `test caps lock tapped is escape`"); name = $"(unnamed, line {line})"; }
            else if (_tests.Any(t => t.Name == name)) Error(line, $"a second test named '{name}': names must be unique in a file");
            if (name.Contains(" › ")) Error(line, "a test name cannot contain ' › ' (it separates file and test in reports)");
            _testName = name;
            _testLine = line;
            _steps = [];
            _expected = [];
            _motion = [];
            _inExpect = false;
            _sawExpect = false;
            _inputLines = 0;
            _knownDifference = null;
        }

        private bool _sawExpect;
        private int _inputLines;
        private string? _knownDifference;

        private void ReadKnownDifference(string raw, int line)
        {
            if (_testName is null) { Error(line, "`known-difference:` outside a test — put it inside the test it describes"); return; }
            if (_knownDifference is not null) { Error(line, "a second `known-difference:` in this test"); return; }
            var reason = KeyTestTokenizer.StripComment(raw)[KnownDifferencePrefix.Length..].Trim();
            if (reason.Length == 0) { Error(line, "say what differs and why: `known-difference: REASON`"); return; }
            _knownDifference = reason;
        }

        private void StartExpect(List<string> words, int line)
        {
            if (_testName is null) { Error(line, "`expect` outside a test — start one with `test NAME`"); return; }
            if (_sawExpect) { Error(line, "a second `expect` in this test"); return; }
            _sawExpect = true;
            _inExpect = true;
            if (words.Count == 2 && words[1] == "nothing") return;
            if (words.Count > 1) Error(line, "write `expect` alone, or `expect nothing` when the test produces no output");
        }

        private void EndTest()
        {
            if (_testName is null) return;
            if (_inputLines == 0) Error(_testLine, $"test '{_testName}' has no input lines");
            if (!_sawExpect) Error(_testLine, $"test '{_testName}' has no `expect` section (write `expect nothing` if it should produce no output)");
            _tests.Add(new KeyTestCase(_testName, _testLine, _steps, _expected, _knownDifference, _motion));
            _testName = null;
        }

        private void ReadStep(List<string> words, int line)
        {
            _inputLines++;
            if (words.Count == 1 && KeyTestTime.TryParse(words[0], out var wait))
            {
                _steps.Add(new WaitStep(wait, line));
                return;
            }
            if (words[0] == "wait")
            {
                if (words.Count == 2 && KeyTestTime.TryParse(words[1], out wait)) _steps.Add(new WaitStep(wait, line));
                else Error(line, "expected a duration like `50ms`, `1s` or `250us`");
                return;
            }
            if (words[0] == "unplug")
            {
                if (words.Count != 2) { Error(line, "expected `unplug DEVICE`"); return; }
                _deviceUses.Add((words[1], line));
                _steps.Add(new UnplugStep(words[1], line));
                return;
            }
            if (words[0] == "keys-released")
            {
                if (words.Count != 2) { Error(line, "expected `keys-released DEVICE`"); return; }
                _deviceUses.Add((words[1], line));
                _steps.Add(new KeysReleasedStep(words[1], line));
                return;
            }
            if (words[0] == "led")
            {
                if (words.Count != 3 || words[1] != "caps_lock" || words[2] is not ("on" or "off"))
                    Error(line, "expected `led caps_lock on` or `led caps_lock off`");
                else _steps.Add(new CapsLockLedStep(words[2] == "on", line));
                return;
            }
            if (words.Count == 2 && words[0].All(char.IsDigit) && KeyTestTime.TryParse(words[0] + words[1], out _))
            {
                Error(line, $"write the duration without a space: `{words[0]}{words[1]}`");
                return;
            }
            if (words[0].Length > 0 && char.IsDigit(words[0][0]) && words.Count == 1)
            {
                Error(line, $"'{words[0]}' is not a duration — write it like `50ms`, `1s` or `250us`");
                return;
            }

            if (words.Count is not (2 or 4) || (words.Count == 4 && words[2] != "on"))
            {
                Error(line, "expected `KEY down`, `KEY up` or `KEY tap` (optionally followed by `on DEVICE`), or a duration like `50ms`");
                return;
            }
            var usage = ResolveKey(words[0], line);
            KeyStepKind? kind = words[1] switch
            {
                "down" => KeyStepKind.Down,
                "up" => KeyStepKind.Up,
                "tap" => KeyStepKind.Tap,
                _ => null,
            };
            if (kind is null) { Error(line, $"expected down, up or tap after the key, got '{words[1]}'"); return; }
            var device = TestDevice.DefaultName;
            if (words.Count == 4)
            {
                device = words[3];
                _deviceUses.Add((device, line));
            }
            if (usage is { } u) _steps.Add(new KeyStep(u, kind.Value, device, line));
        }

        private void ReadExpectation(List<string> words, int line)
        {
            if (words[0] == PointerExpectations.PointerWord)
            {
                if (PointerExpectations.ParseMotion(words, line, m => Error(line, m)) is { } motion) _motion.Add(motion);
                return;
            }
            if (words[0] == PointerExpectations.ButtonWord)
            {
                if (PointerExpectations.ParseButton(words, line, m => Error(line, m)) is { } button) _expected.Add(button);
                return;
            }
            if (words.Count is not (2 or 3))
            {
                Error(line, "expected `KEY down` or `KEY up`, optionally followed by the time, e.g. `@200ms`");
                return;
            }
            var usage = ResolveKey(words[0], line);
            bool? down = words[1] switch { "down" => true, "up" => false, _ => null };
            if (down is null)
            {
                Error(line, words[1] == "tap"
                    ? "the expected output lists each change: write `KEY down` and `KEY up` on two lines"
                    : $"expected down or up after the key, got '{words[1]}'");
                return;
            }
            long? time = null;
            if (words.Count == 3)
            {
                if (words[2].StartsWith('@') && KeyTestTime.TryParse(words[2][1..], out var t)) time = t;
                else { Error(line, $"expected a time like `@200ms`, got '{words[2]}'"); return; }
            }
            if (usage is { } u) _expected.Add(new ExpectedOutput(u, down.Value, time, line));
        }

        private Usage? ResolveKey(string name, int line)
        {
            if (KeyNames.TryParse(name, out var usage)) return usage;
            var suggestion = KeyNames.Suggest(name);
            Error(line, suggestion is null
                ? $"unknown key '{name}' — `remapper keys` lists every name"
                : $"unknown key '{name}' — did you mean '{suggestion}'?");
            return null;
        }
    }
}
