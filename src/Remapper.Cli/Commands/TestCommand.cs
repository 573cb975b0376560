using System.CommandLine;
using Remapper.Core.Testing;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper test PATH...</c>: runs keymap tests (.keytest files) and prints ✓/✗ per test with a diff on failure.</summary>
internal static class TestCommand
{
    /// <param name="runner">The runner to use; tests substitute one with a stand-in engine.</param>
    public static Command Create(KeyTestRunner? runner = null)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A .keytest file, or a folder searched recursively for them. Several may be given.",
            Arity = ArgumentArity.OneOrMore,
        };
        var filter = new Option<string?>("--filter")
        {
            Description = "Run only the tests whose name contains this text.",
            HelpName = "TEXT",
        };
        var command = new Command("test",
            "Run keymap tests: each .keytest file names a keymap, feeds key presses on a virtual clock and lists the " +
            "output it expects (see docs/keymap-tests.md). Prints ✓ or ✗ per test, a diff for each failure and " +
            "'N passed, N failed'; a test marked `known-difference:` that still differs shows ~ and is counted apart. " +
            "Exit code 0 when all pass, 1 when any fails (or a marked test passes), 2 when a path cannot be read.");
        command.Arguments.Add(paths);
        command.Options.Add(filter);
        command.SetAction(parse => Run(parse, parse.GetValue(paths) ?? [], parse.GetValue(filter), runner ?? new KeyTestRunner()));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths, string? filter, KeyTestRunner runner)
    {
        var stdout = parse.Out();
        var stderr = parse.Error();

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                IReadOnlyList<string> found;
                try
                {
                    found = KeyTestFiles.Under(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine($"remapper test: cannot search '{path}': {e.Message}");
                    return ExitCodes.UsageOrIo;
                }
                if (found.Count == 0)
                {
                    stderr.WriteLine($"remapper test: no {KeyTestParser.FileExtension} files in '{path}'");
                    return ExitCodes.UsageOrIo;
                }
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                stderr.WriteLine($"remapper test: '{path}' does not exist");
                return ExitCodes.UsageOrIo;
            }
        }

        int passed = 0, failed = 0, known = 0;
        foreach (var file in files)
        {
            stdout.WriteLine(file);
            if (!TextFiles.TryRead(file, out var text, out var readError))
            {
                stdout.WriteLine($"  ✗ {readError}");
                failed++;
                continue;
            }
            var parsed = KeyTestParser.Parse(text, file);
            if (parsed.File is null)
            {
                foreach (var e in parsed.Errors) stdout.WriteLine($"  ✗ {e}");
                failed++;
                continue;
            }

            var result = runner.Run(parsed.File, filter is null ? null : t => t.Name.Contains(filter, StringComparison.OrdinalIgnoreCase));
            if (result.FileErrors.Count > 0)
            {
                stdout.WriteLine($"  ✗ {result.FileErrors[0]}");
                foreach (var e in result.FileErrors.Skip(1)) stdout.WriteLine($"      {e}");
                failed++;
                continue;
            }
            foreach (var test in result.Results)
            {
                switch (test.Outcome)
                {
                    case KeyTestOutcome.Passed:
                        stdout.WriteLine($"  ✓ {test.Test.Name}");
                        passed++;
                        break;
                    case KeyTestOutcome.KnownDifference:
                        // Expected to differ (a peer's expectation Remapper does not meet yet): not a pass, not a failure.
                        stdout.WriteLine($"  ~ {test.Test.Name} (known difference: {test.Test.KnownDifference})");
                        known++;
                        break;
                    case KeyTestOutcome.MarkedButPasses:
                        stdout.WriteLine($"  ✗ {test.Test.Name}");
                        stdout.WriteLine($"      {test.Location}: marked as a known difference but passes now: remove its `known-difference:` line");
                        failed++;
                        break;
                    default:
                        stdout.WriteLine($"  ✗ {test.Test.Name}");
                        foreach (var line in (test.Failure ?? "").Split('\n')) stdout.WriteLine($"      {line}");
                        failed++;
                        break;
                }
            }
        }

        if (filter is not null && passed + failed + known == 0)
        {
            stderr.WriteLine($"remapper test: no test name contains '{filter}'");
            return ExitCodes.Failed;
        }
        stdout.WriteLine(known == 0
            ? $"{passed} passed, {failed} failed"
            : $"{passed} passed, {failed} failed, {known} known difference{(known == 1 ? "" : "s")}");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
