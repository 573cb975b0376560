using Xunit.Abstractions;

namespace Remapper.Daemon.Tests.Docs;

/// <summary>
/// Every example in README.md and docs/*.md keeps its word: sh blocks run (offline remapper commands, from a copy of
/// the repository root), console blocks run and print exactly what they show, toml blocks pass `remapper check`,
/// keytest blocks pass `remapper test`. What cannot run here carries <c>&lt;!-- doc-test: skip (reason) --&gt;</c>.
/// </summary>
public sealed class DocExampleTests(ITestOutputHelper log)
{
    private static readonly string[] Tested = ["sh", "console", "toml", "keytest"];

    /// <summary>Languages that are shown, not run: output samples, JSON schemas, diagrams.</summary>
    private static readonly string[] Shown = ["json", "text", "ini", "xml", "bash-session", "diff", "c", "csharp", "systemd", "udev"];

    public static TheoryData<DocBlock> Runnable()
    {
        var data = new TheoryData<DocBlock>();
        foreach (var block in DocBlocks.All().Where(b => Tested.Contains(b.Language) && b.Skip is null && b.FileName is null)) data.Add(block);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void The_example_does_what_the_doc_says(DocBlock block)
    {
        using var sandbox = new DocSandbox();
        // Files the same doc declares before this block (e.g. the my.toml a console example checks).
        foreach (var file in DocBlocks.All().Where(b => b.Doc == block.Doc && b.FileName is not null && b.Line < block.Line))
            sandbox.Write(file.FileName!, file.Text);

        switch (block.Language)
        {
            case "toml":
                sandbox.Write("example.toml", block.Text);
                AssertRuns(sandbox, ["remapper", "check", "example.toml"], expectExit: 0, block);
                break;
            case "keytest":
                // In a folder beside config/, as a user's tests/ would be: `keymap ../config/default.toml` works as written.
                sandbox.Write("example/doc.keytest", block.Text);
                AssertRuns(sandbox, ["remapper", "test", "example/doc.keytest"], expectExit: 0, block);
                break;
            case "sh":
                foreach (var line in block.Text.Split('\n'))
                {
                    var words = DocCommandLine.Words(line);
                    if (words.Count == 0) continue;
                    if (DocCommandLine.WhyNotOffline(words) is { } why)
                        Assert.Fail($"{block}: {line.Trim()}: {why}; give the block <!-- doc-test: skip (reason) --> or make it an offline example");
                    AssertRuns(sandbox, words, expectExit: null, block);
                }
                break;
            case "console":
                RunConsole(sandbox, block);
                break;
        }
    }

    /// <summary>`$ command` lines, each followed by the output it must print (compared exactly, trailing spaces aside).</summary>
    private void RunConsole(DocSandbox sandbox, DocBlock block)
    {
        var lines = block.Text.Split('\n');
        Assert.True(lines.Length > 0 && lines[0].StartsWith("$ ", StringComparison.Ordinal), $"{block}: a console block starts with a `$ command` line");
        for (int i = 0; i < lines.Length;)
        {
            var command = lines[i][2..];
            var expected = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("$ ", StringComparison.Ordinal); i++) expected.Add(lines[i]);
            var words = DocCommandLine.Words(command);
            if (DocCommandLine.WhyNotOffline(words) is { } why)
                Assert.Fail($"{block}: {command}: {why}; give the block <!-- doc-test: skip (reason) -->");
            var (_, output) = sandbox.Run(words.Skip(1).ToList());
            Assert.Equal(Normalise(string.Join("\n", expected)), Normalise(output));
        }
    }

    private void AssertRuns(DocSandbox sandbox, IReadOnlyList<string> words, int? expectExit, DocBlock block)
    {
        var (exit, output) = sandbox.Run(words.Skip(1).ToList());
        log.WriteLine($"$ {string.Join(' ', words)}  (exit {exit})\n{output}");
        if (expectExit is { } expected)
            Assert.True(exit == expected, $"{block}: `{string.Join(' ', words)}` exited {exit}, expected {expected}:\n{output}");
        else
            // An example may show a keymap with mistakes (exit 1); a usage error or a missing file (2+) is a broken example.
            Assert.True(exit is 0 or 1, $"{block}: `{string.Join(' ', words)}` exited {exit}:\n{output}");
    }

    private static string Normalise(string text) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [Fact]
    public void Every_block_says_what_it_is_and_every_skip_says_why()
    {
        var blocks = DocBlocks.All().ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b =>
        {
            Assert.True(b.Language.Length > 0, $"{b}: name the fence's language (sh, console, toml, keytest; json or text for what is only shown)");
            Assert.True(Tested.Contains(b.Language) || Shown.Contains(b.Language), $"{b}: unknown fence language '{b.Language}'");
            Assert.True(b.Skip is null || b.Skip.Length > 0, $"{b}: a doc-test marker must be `skip (reason)` or `file NAME`");
        });
        var skipped = blocks.Where(b => b.Skip is not null).ToList();
        log.WriteLine($"{blocks.Count(b => Tested.Contains(b.Language)) - skipped.Count} examples run, {skipped.Count} skipped:");
        foreach (var b in skipped) log.WriteLine($"  {b}: {b.Skip}");
    }

    [Fact]
    public void The_reader_finds_blocks_markers_and_files()
    {
        var blocks = DocBlocks.Read("x.md", """
            text
            <!-- doc-test: skip (needs root) -->
            ```sh
            sudo thing
            ```
            <!-- doc-test: file my.toml -->

            ```toml
            a = 1
            ```
            ```console
            $ remapper keys caps
            ```
            """);
        Assert.Equal(3, blocks.Count);
        Assert.Equal(("sh", "needs root", (string?)null), (blocks[0].Language, blocks[0].Skip, blocks[0].FileName));
        Assert.Equal(("toml", (string?)null, "my.toml", "a = 1"), (blocks[1].Language, blocks[1].Skip, blocks[1].FileName, blocks[1].Text));
        Assert.Equal((string?)null, blocks[2].Skip);
        Assert.Equal(["remapper", "check", "my file.toml"], DocCommandLine.Words("remapper check 'my file.toml'   # a comment"));
        Assert.NotNull(DocCommandLine.WhyNotOffline(["remapper", "run"]));
        Assert.NotNull(DocCommandLine.WhyNotOffline(["sudo", "remapper", "check"]));
        Assert.Null(DocCommandLine.WhyNotOffline(["remapper", "check", "config/default.toml"]));
    }
}
