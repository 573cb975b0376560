using Microsoft.Extensions.Logging;
using Remapper.Daemon.Config;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Config;

public sealed class ReloadLoggingTests
{
    [Fact]
    public void A_broken_keymap_is_logged_once_per_distinct_failure_not_on_every_save()
    {
        using var dir = new TempDir();
        var path = dir.File("config.toml");
        File.WriteAllText(path, "version = 1\n[remap]\na = \"b\"\n");
        var log = new RecordingLogger();
        var reloader = new KeymapReloader(new KeymapLocation(path, KeymapOrigin.User, "your keymap", [path]), log);
        reloader.LoadInitial();

        File.WriteAllText(path, "version = 1\n[remap]\na = \"nope\"\n");
        reloader.Reload(ReloadTrigger.FileChange);
        File.WriteAllText(path, "version = 1\n[remap]\na = \"nope\"\n# autosave\n");
        reloader.Reload(ReloadTrigger.FileChange);
        reloader.Reload(ReloadTrigger.Signal);
        Assert.Equal(1, log.Count(LogLevel.Error, "rejected"));
        Assert.Equal(1, log.Count(LogLevel.Error, $"{path}:3:5: error"));

        File.WriteAllText(path, "version = 1\n[remap]\na = \"nada\"\n"); // a different mistake is news
        reloader.Reload(ReloadTrigger.FileChange);
        Assert.Equal(2, log.Count(LogLevel.Error, "rejected"));

        File.WriteAllText(path, "version = 1\n[remap]\na = \"c\"\n");
        reloader.Reload(ReloadTrigger.FileChange);
        Assert.Equal(1, log.Count(LogLevel.Information, "the previous error is fixed"));

        File.WriteAllText(path, "version = 1\n[remap]\na = \"nada\"\n"); // the same mistake again after a fix: logged again
        reloader.Reload(ReloadTrigger.FileChange);
        Assert.Equal(3, log.Count(LogLevel.Error, "rejected"));
    }

    [Fact]
    public void Log_lines_say_what_happened_in_words_not_enum_names()
    {
        using var dir = new TempDir();
        var path = dir.File("config.toml");
        File.WriteAllText(path, "version = 1\n[remap]\na = \"b\"\n");
        var log = new RecordingLogger();
        var reloader = new KeymapReloader(new KeymapLocation(path, KeymapOrigin.User, "your keymap", [path]), log);
        reloader.LoadInitial();

        File.WriteAllText(path, "version = 1\n[remap]\na = \"nope\"\n");
        reloader.Reload(ReloadTrigger.FileChange);
        Assert.Contains(log.Lines, l => l.Message == $"The keymap change (after a save) was rejected: 1 error in {path}; the previous keymap keeps running");

        File.WriteAllText(path, "version = 1\n[remap]\na = \"c\"\n");
        reloader.Reload(ReloadTrigger.Request);
        Assert.Contains(log.Lines, l => l.Message == $"Keymap {path} loaded on `remapper reload`; the previous error is fixed");
        Assert.DoesNotContain(log.Lines, l => l.Message.Contains("FileChange") || l.Message.Contains("Request") || l.Message.Contains("errors)"));
    }
}
