using Remapper.Cli.Commands;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Cli;

/// <summary><c>remapper init</c> and <c>remapper edit</c>: the user's own keymap, written once and checked on every save.</summary>
public class InitEditCommandTests
{
    [Fact]
    public void Init_writes_a_valid_commented_starter_and_never_overwrites()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "new", "folder", "config.toml");

        var first = CliRun.Of(InitCommand.Create(), "init", "--config", path);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"wrote {path}", first.Out);
        var text = File.ReadAllText(path);
        Assert.StartsWith("# Written by `remapper init`", text);
        Assert.True(KeymapLoader.Load(text, path).Success);

        File.WriteAllText(path, "# mine\nversion = 1\n");
        var second = CliRun.Of(InitCommand.Create(), "init", "--config", path);
        Assert.Equal(1, second.ExitCode);
        second.AssertOneLineError("already exists; nothing was written");
        Assert.Equal("# mine\nversion = 1\n", File.ReadAllText(path));
    }

    [Fact]
    public void Edit_runs_the_editor_from_visual_then_editor_and_checks_the_result()
    {
        using var dir = new TempDir();
        var path = dir.File("config.toml", "version = 1\n");
        var env = new Dictionary<string, string> { ["EDITOR"] = "nano", ["VISUAL"] = "code --wait" };
        var calls = new List<string>();
        var command = EditCommand.Create((program, args) =>
        {
            calls.Add($"{program} {string.Join(' ', args)}");
            File.WriteAllText(path, "version = 1\n[remap]\ncaps_lock = \"escape\"\n");
            return 0;
        }, n => env.GetValueOrDefault(n), interactive: () => false);

        var run = CliRun.Of(command, "edit", "--config", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"code --wait {path}"], calls); // never through a shell
        Assert.Contains($"{path}: ok", run.Out);
    }

    [Fact]
    public void Edit_reports_errors_after_saving_and_offers_to_edit_again_until_it_is_fixed()
    {
        using var dir = new TempDir();
        var path = dir.File("config.toml", "version = 1\n");
        var saves = new Queue<string>(["version = 1\n[remap]\na = \"escpe\"\n", "version = 1\n[remap]\na = \"escape\"\n"]);
        var command = EditCommand.Create((_, _) => { File.WriteAllText(path, saves.Dequeue()); return 0; },
            _ => null, () => new StringReader("y\n"), () => true);

        var run = CliRun.Of(command, "edit", "--config", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{path}:3:5: error: unknown key 'escpe'", run.Out);
        Assert.Contains("Edit again? [Y/n]", run.Out);
        Assert.Contains($"{path}: ok", run.Out);
        Assert.Empty(saves);
    }

    [Fact]
    public void Edit_of_a_keymap_that_does_not_exist_writes_the_starter_first_and_a_refused_retry_exits_1()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "config.toml");
        string? seen = null;
        var command = EditCommand.Create((_, _) =>
        {
            seen = File.ReadAllText(path);
            File.WriteAllText(path, "version = 1\n[remap]\na = \"escpe\"\n");
            return 0;
        }, _ => null, () => new StringReader("n\n"), () => true);

        var run = CliRun.Of(command, "edit", "--config", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("# Written by `remapper init`", seen);
        Assert.Contains("a running daemon keeps its previous keymap", run.Out);
    }

    [Fact]
    public void Without_visual_or_editor_it_uses_vi()
    {
        Assert.Equal(["vi"], EditCommand.Editor(_ => null));
        Assert.Equal(["emacs", "-nw"], EditCommand.Editor(n => n == "EDITOR" ? "emacs -nw" : null));
    }
}
