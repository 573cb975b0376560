using Remapper.Fuzz;

// remapper-fuzz afl TARGET                 under afl-fuzz (through tests/fuzz/run-afl.sh): SharpFuzz, coverage-guided
// remapper-fuzz mutate TARGET [INPUTS] [SEED]  our own mutational fuzzer (not coverage-guided); findings are saved
//                                          to tests/fuzz/regressions/TARGET/
// remapper-fuzz replay TARGET FILE...      runs the target once per file and says which fail
// remapper-fuzz seeds TARGET DIR           writes the seeds and regression inputs, one file each, for afl-fuzz -i
if (args.Length < 2 || Targets.Named(args[1]) is not { } target)
{
    Console.Error.WriteLine($"usage: remapper-fuzz afl|mutate|replay|seeds TARGET [...]; targets: {string.Join(", ", Targets.All.Select(t => t.Name))}");
    return 2;
}
switch (args[0])
{
    case "afl":
        // Out of process: a crash (even a stack overflow) ends the child, not the fork server.
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target.Run(memory.ToArray());
        });
        return 0;
    case "mutate":
        var inputs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var seed = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
        var root = Corpus.Root(Environment.CurrentDirectory);
        Console.WriteLine($"{target.Name}: {inputs} inputs from seed {seed}");
        var findings = MutationRun.Run(target, root, inputs, seed, Corpus.RegressionFolder(target, root));
        foreach (var f in findings) Console.WriteLine($"FINDING {f.SavedAs}\n  input: {f.Input}\n  {f.Error}");
        Console.WriteLine($"{target.Name}: {findings.Count} findings");
        return findings.Count == 0 ? 0 : 1;
    case "replay":
        var failed = 0;
        foreach (var file in args.Skip(2))
        {
            try { target.Run(File.ReadAllBytes(file)); Console.WriteLine($"ok    {file}"); }
            catch (Exception e) { failed++; Console.WriteLine($"FAIL  {file}\n{e}"); }
        }
        return failed == 0 ? 0 : 1;
    case "seeds" when args.Length == 3:
        Directory.CreateDirectory(args[2]);
        var from = Corpus.Root(Environment.CurrentDirectory);
        var all = Corpus.Seeds(target, from).Concat(Corpus.Regressions(target, from)).ToList();
        // afl-fuzz wants small starting inputs; the big ones are still replayed by the test suite.
        foreach (var (i, bytes) in all.Select((s, i) => (i, s.Bytes)).Where(x => x.Bytes.Length <= 64 * 1024))
            File.WriteAllBytes(Path.Combine(args[2], $"seed-{i:0000}"), bytes);
        Console.WriteLine($"{target.Name}: {all.Count} seeds in {args[2]}");
        return 0;
    default:
        Console.Error.WriteLine("usage: remapper-fuzz afl|mutate|replay|seeds TARGET [...]");
        return 2;
}
