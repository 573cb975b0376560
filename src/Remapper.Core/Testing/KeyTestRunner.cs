using Remapper.Core.Engine;
using Remapper.Core.Keymap;

namespace Remapper.Core.Testing;

/// <summary>
/// Runs <c>.keytest</c> cases: a fresh engine per test, input fed on a virtual clock (timers fire at their own
/// deadlines, never late), 10 s of quiet at the end so pending timers fire, then the output compared exactly
/// with the expectation and checked for keys left pressed or released without being pressed.
/// </summary>
public sealed class KeyTestRunner
{
    /// <summary>Time allowed after the last input for pending timers (tap-hold terms, rule timeouts) to fire.</summary>
    public const long SettleUs = 10_000_000;

    /// <summary>Bound on timer firings per step: an engine whose deadline never moves must fail, not hang.</summary>
    private const int MaxTimerFiringsPerStep = 100_000;

    private readonly Func<KeymapSource, KeymapLoadResult> _load;
    private readonly Func<KeymapModel, IKeyOutput, IKeyTestEngine> _createEngine;

    public KeyTestRunner() : this(LoadKeymap, CreateRemapEngine) { }

    public KeyTestRunner(Func<KeymapSource, KeymapLoadResult> load, Func<KeymapModel, IKeyOutput, IKeyTestEngine> createEngine)
    {
        _load = load;
        _createEngine = createEngine;
    }

    public static KeymapLoadResult LoadKeymap(KeymapSource source) =>
        source.FilePath is { } path
            ? ImportedKeymap.IsImported(path) ? ImportedKeymap.Load(path) : KeymapLoader.LoadFile(path)
            : KeymapLoader.Load(source.InlineText ?? "", source.TestFile);

    private static IKeyTestEngine CreateRemapEngine(KeymapModel model, IKeyOutput output) =>
        new RemapEngineUnderTest(new RemapEngine(CompiledKeymap.Compile(model), output));

    /// <summary>Runs the tests of <paramref name="file"/> that <paramref name="select"/> picks (all by default).</summary>
    public KeyTestFileResult Run(KeyTestFile file, Func<KeyTestCase, bool>? select = null)
    {
        KeymapLoadResult loaded;
        try
        {
            loaded = _load(file.Keymap);
        }
        catch (Exception e)
        {
            return new(file.Path, [$"{file.Path}:{file.Keymap.Line}: loading the keymap failed: {e.GetType().Name}: {e.Message}"], []);
        }
        if (!loaded.Success || loaded.Model is null)
        {
            var errors = loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
            errors.Insert(0, $"{file.Path}:{file.Keymap.Line}: the keymap does not load:");
            return new(file.Path, errors, []);
        }

        var results = new List<KeyTestResult>();
        foreach (var test in file.Tests)
        {
            if (select is null || select(test)) results.Add(RunOne(file, loaded.Model, test));
        }
        return new(file.Path, [], results);
    }

    private KeyTestResult RunOne(KeyTestFile file, KeymapModel model, KeyTestCase test)
    {
        var recorder = new OutputRecorder();
        var problems = new List<string>();
        try
        {
            Drive(file, model, test, recorder, problems);
        }
        catch (Exception e)
        {
            problems.Add($"the engine threw {e.GetType().Name}: {e.Message}");
        }
        var failure = KeyTestReport.Compare(file.Path, test, recorder, problems);
        return new KeyTestResult(test, file.Path, failure is null, failure);
    }

    private void Drive(KeyTestFile file, KeymapModel model, KeyTestCase test, OutputRecorder recorder, List<string> problems)
    {
        var engine = _createEngine(model, recorder);
        var slots = new Dictionary<string, int>();
        foreach (var device in file.Devices) slots[device.Name] = engine.AttachDevice(device.Identity);

        long now = 0;
        foreach (var step in test.Steps)
        {
            switch (step)
            {
                case WaitStep wait:
                    now += wait.DurationUs;
                    FireTimers(engine, recorder, now);
                    break;
                case KeyStep key:
                    FireTimers(engine, recorder, now);
                    if (!slots.TryGetValue(key.Device, out var slot))
                    {
                        problems.Add($"{file.Path}:{key.Line}: device '{key.Device}' was unplugged earlier in this test");
                        return;
                    }
                    recorder.NowUs = now;
                    if (key.Kind != KeyStepKind.Up) engine.Process(new KeyEvent(slot, key.Usage, true, now));
                    if (key.Kind != KeyStepKind.Down) engine.Process(new KeyEvent(slot, key.Usage, false, now));
                    break;
                case UnplugStep unplug:
                    FireTimers(engine, recorder, now);
                    if (!slots.Remove(unplug.Device, out var gone))
                    {
                        problems.Add($"{file.Path}:{unplug.Line}: device '{unplug.Device}' was already unplugged");
                        return;
                    }
                    recorder.NowUs = now;
                    engine.DetachDevice(gone, now);
                    break;
            }
        }
        FireTimers(engine, recorder, now + SettleUs);
    }

    /// <summary>Fires every deadline up to <paramref name="until"/>, each at its own time, as a real clock would.</summary>
    private static void FireTimers(IKeyTestEngine engine, OutputRecorder recorder, long until)
    {
        for (var i = 0; i < MaxTimerFiringsPerStep; i++)
        {
            var deadline = engine.NextDeadlineUs;
            if (deadline > until) return;
            var at = Math.Max(deadline, recorder.NowUs);
            recorder.NowUs = at;
            engine.Advance(at);
        }
        throw new InvalidOperationException($"the engine's next deadline stayed due after {MaxTimerFiringsPerStep} timer firings");
    }
}
