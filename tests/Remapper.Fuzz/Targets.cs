using System.Text;
using System.Text.Json;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using Remapper.Core.Testing;
using Remapper.Ipc;

namespace Remapper.Fuzz;

/// <summary>The fuzz targets, each checking what a user would notice: a crash, a position off its line, a runaway load.</summary>
public static class Targets
{
    /// <summary>Bytes a load may allocate per byte of keymap (plus a fixed 16 MiB): the suite's budget (LoadBudgetTests).</summary>
    public const long BytesPerInputByte = 512;

    public static readonly FuzzTarget Keymap = new("keymap", LoadKeymap,
        ["config", "tests/scenarios", "tests/conformance", "tests/fuzz/seeds/keymap"], [".toml"],
        ["[remap]", "[layer.nav]", "[alias]", "[settings]", "[[rule]]", "[[device]]", "version = 1", "include = ", "\"@x\"",
         "x = ", "\"a+b\"", "ctrl+", "layer(nav)", "toggle(", "oneshot(", "switch(", "set(v, 1)", "{ tap = \"a\", hold = \"b\" }",
         "[", "]", "{", "}", "\"", "'", "'''", "\"\"\"", "\n", "=", ",", "+", "#", "\\", "\\u00e9", "😀", "\r\n", "_", "none",
         "transparent", "tapping_term_ms = 200", "term_ms = ", "mode = \"permissive_hold\"", "from = { key = \"a\" }", "to = ",
         "conditions = [{ type = \"variable_if\", name = \"v\", value = 1 }]", "match = { name = \"*\" }", "ignore = true"]);

    public static readonly FuzzTarget KeyTest = new("keytest", ParseKeyTest,
        ["tests/scenarios", "config", "tests/conformance", "tests/fuzz/seeds/keytest"], [".keytest"],
        ["test ", "keymap ", "keymap:", "expect", "expect nothing", "device ", "unplug ", " down", " up", " tap", " on ", "wait ",
         "50ms", "1s", "250us", "@200ms", "\"", "#", "\n", "  ", "a", "left_shift", "default", "bus=usb", "name=\"x\""]);

    public static readonly FuzzTarget Ipc = new("ipc", ParseIpcRequest,
        ["tests/fuzz/seeds/ipc"], [".json"],
        ["{", "}", "[", "]", "\"v\":", "\"id\":", "\"cmd\":", "\"name\":", "\"value\":", "\"layer\":", "1", "-1", "1e400",
         "9223372036854775808", "null", "true", "\"status\"", "\"reload\"", "\"monitor\"", "\"\\u0000\"", ",", ":", "\""]);

    public static IReadOnlyList<FuzzTarget> All { get; } = [Keymap, KeyTest, Ipc];

    public static FuzzTarget? Named(string name) => All.FirstOrDefault(t => t.Name == name);

    private static void LoadKeymap(byte[] input)
    {
        if (input.Length > KeymapFileReader.MaxBytes) return; // the reader refuses these before any parsing
        var text = KeymapFileReader.Decode(input, out _);
        if (text is null) return; // not text: refused by the reader with its own message
        // A fresh folder per input: an include of a relative path finds nothing instead of some file of the tester's.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = KeymapLoader.Load(text, Path.Combine(EmptyFolder, "fuzz.toml"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var budget = BytesPerInputByte * input.Length + 16L * 1024 * 1024;
        if (allocated > budget)
            throw new FuzzFinding($"loading {input.Length} bytes allocated {allocated / 1048576.0:0.0} MiB (budget {budget / 1048576.0:0.0} MiB)");
        if (result.Success != (result.Model is not null)) throw new FuzzFinding("a model came back with errors, or none without");
        foreach (var d in result.Diagnostics)
            if (d.Location.File.EndsWith("fuzz.toml", StringComparison.Ordinal)) CheckOnItsLine(text, d.Location.Line, d.Location.Column, d.ToString());
        if (result.Model is { } model) CompiledKeymap.Compile(model);
    }

    private static void ParseKeyTest(byte[] input)
    {
        var text = KeymapFileReader.Decode(input, out _);
        if (text is null) return;
        var result = KeyTestParser.Parse(text, Path.Combine(EmptyFolder, "fuzz.keytest"));
        // Counted as the parser counts them: any line ending (\r alone too) ends a line.
        var lines = text.ReplaceLineEndings("\n").Split('\n').Length;
        foreach (var e in result.Errors)
            if (e.Line < 0 || e.Line > lines) throw new FuzzFinding($"error on line {e.Line} of a {lines}-line file: {e}");
    }

    /// <summary>
    /// The daemon's own request parser: whatever the line, it answers with a request or an error sentence, never an
    /// exception (which would be an internal error on the connection).
    /// </summary>
    private static void ParseIpcRequest(byte[] input)
    {
        if (input.Length > IpcProtocol.MaxLineBytes) return; // refused before parsing
        var request = IpcRequestParser.Parse(input, out var error);
        if (request is null && string.IsNullOrEmpty(error)) throw new FuzzFinding("no request and no error");
    }

    private static void CheckOnItsLine(string text, int line, int column, string what)
    {
        if (line == 0 && column == 0) return; // about the whole file
        var lines = text.Split('\n');
        if (line < 1 || line > lines.Length) throw new FuzzFinding($"{what}: line {line} of a {lines.Length}-line file");
        var width = lines[line - 1].TrimEnd('\r').EnumerateRunes().Count();
        if (column < 1 || column > width + 1) throw new FuzzFinding($"{what}: column {column} of a {width}-character line");
    }

    private static readonly string EmptyFolder = Directory.CreateTempSubdirectory("remapper-fuzz-").FullName;

    /// <summary>Text for a crash report: short inputs inline, long ones by size.</summary>
    public static string Describe(byte[] input) =>
        input.Length <= 200 ? JsonSerializer.Serialize(Encoding.UTF8.GetString(input)) : $"{input.Length} bytes";
}
