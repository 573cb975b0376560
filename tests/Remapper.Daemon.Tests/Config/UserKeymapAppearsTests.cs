using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Core.Hid;
using Remapper.Daemon.Config;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Config;

/// <summary>
/// The first-run path: the daemon starts on the shipped default, the user creates their own keymap, and that is
/// what runs from then on — without a restart, through the real locator rule and a real directory watcher.
/// </summary>
public sealed class UserKeymapAppearsTests : IDisposable
{
    private static readonly Usage A = Usage.Key(0x04), B = Usage.Key(0x05), C = Usage.Key(0x06);

    private readonly TempDir _dir = new();
    private readonly string _shipped;
    private readonly string _user;
    private readonly KeymapLocator _locator;
    private KeymapWatcher? _watcher;

    public UserKeymapAppearsTests()
    {
        var install = Path.Combine(_dir.Path, "opt");
        _shipped = Path.Combine(install, "config", "default.toml");
        Directory.CreateDirectory(Path.GetDirectoryName(_shipped)!);
        File.WriteAllText(_shipped, "version = 1\n[remap]\na = \"b\"\n");
        var xdg = Path.Combine(_dir.Path, "xdg");
        _user = Path.Combine(xdg, "remapper", "config.toml"); // its folder does not exist yet either
        var env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = xdg };
        _locator = new KeymapLocator(n => env.GetValueOrDefault(n), File.Exists, install);
    }

    private (KeymapReloader, FakeBackend) Start()
    {
        var reloader = new KeymapReloader(_locator.Locate(null, false), NullLogger.Instance, locate: () => _locator.Locate(null, false));
        var backend = new FakeBackend(reloader.LoadInitial());
        reloader.Attach(backend);
        _watcher = new KeymapWatcher(() => reloader.Reload(ReloadTrigger.FileChange), NullLogger.Instance, TimeSpan.FromMilliseconds(100));
        _watcher.Watch(reloader.WatchedFiles);
        reloader.WatchedFilesChanged += _watcher.Watch;
        return (reloader, backend);
    }

    private static Usage TapA(FakeBackend backend)
    {
        var before = backend.Output.Sent.Count;
        backend.Key(A, true);
        backend.Key(A, false);
        backend.Sync();
        return backend.Output.Sent.Skip(before).First().Usage;
    }

    [Fact]
    public void Creating_the_user_keymap_while_the_shipped_default_runs_makes_it_the_running_keymap()
    {
        var (reloader, backend) = Start();
        Assert.Equal(_shipped, reloader.Status.Location.Path);
        Assert.Equal(_user, reloader.Status.Location.FileToCreate);
        Assert.Equal(B, TapA(backend));

        Directory.CreateDirectory(Path.GetDirectoryName(_user)!);
        File.WriteAllText(_user, "version = 1\n[remap]\na = \"c\"\n");

        // The folder did not exist: it is looked for every 2 s, so allow for a loaded machine.
        Waiting.Until(() => reloader.Status.Location.Path == _user && reloader.Status.Valid, "the new user keymap to be picked up", 15000);
        Assert.Equal(KeymapOrigin.User, reloader.Status.Location.Origin);
        backend.Sync();
        Assert.Equal(C, TapA(backend));

        // And from now on it is the file that is watched: an edit to it applies too.
        File.WriteAllText(_user, "version = 1\n[remap]\na = \"a\"\n");
        Waiting.Until(() => { backend.Sync(); return TapA(backend) == A; }, "the edit of the user keymap to apply", 15000);
    }

    [Fact]
    public void An_explicit_reload_also_finds_a_user_keymap_created_since_the_start()
    {
        var (reloader, backend) = Start();
        _watcher!.Dispose(); // only `remapper reload` this time
        Directory.CreateDirectory(Path.GetDirectoryName(_user)!);
        File.WriteAllText(_user, "version = 1\n[remap]\na = \"c\"\n");

        var outcome = reloader.Reload(ReloadTrigger.Request);

        Assert.True(outcome.Applied);
        Assert.Equal(_user, reloader.Status.Location.Path);
        Assert.Equal(C, TapA(backend));
    }

    [Fact]
    public void A_broken_new_user_keymap_is_reported_against_that_file_and_the_default_keeps_running()
    {
        var (reloader, backend) = Start();
        Directory.CreateDirectory(Path.GetDirectoryName(_user)!);
        File.WriteAllText(_user, "version = 1\n[remap]\na = \"not_a_key\"\n");

        var outcome = reloader.Reload(ReloadTrigger.Request);

        Assert.False(outcome.Applied);
        Assert.Equal(_user, reloader.Status.Location.Path);
        Assert.Contains(reloader.Status.Diagnostics, d => d.IsError && d.Location.File == _user);
        Assert.Equal(B, TapA(backend));
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _dir.Dispose();
    }
}
