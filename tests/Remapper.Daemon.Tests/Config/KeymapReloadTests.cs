using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Daemon.Config;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Config;

/// <summary>Live reload with real files, a real directory watcher and a real engine behind a fake loop.</summary>
public sealed class KeymapReloadTests : IDisposable
{
    private const string AtoB = "version = 1\n[remap]\na = \"b\"\n";
    private const string AtoC = "version = 1\n[remap]\na = \"c\"\n";
    private const string Broken = "version = 1\n[remap]\na = \"not_a_key\"\n";

    private static readonly Usage A = Usage.Key(0x04), B = Usage.Key(0x05), C = Usage.Key(0x06);

    private readonly TempDir _dir = new();
    private readonly string _path;
    private KeymapReloader _reloader = null!;
    private FakeBackend _backend = null!;
    private KeymapWatcher _watcher = null!;

    public KeymapReloadTests()
    {
        _path = _dir.File("config.toml");
    }

    private void Start(string text)
    {
        File.WriteAllText(_path, text);
        var location = new KeymapLocation(_path, KeymapOrigin.CommandLine, "from --config", [_path]);
        _reloader = new KeymapReloader(location, NullLogger.Instance);
        _backend = new FakeBackend(_reloader.LoadInitial());
        _reloader.Attach(_backend);
        _watcher = new KeymapWatcher(() => _reloader.Reload(ReloadTrigger.FileChange), NullLogger.Instance, TimeSpan.FromMilliseconds(100));
        _watcher.Watch(_reloader.WatchedFiles);
        _reloader.WatchedFilesChanged += _watcher.Watch;
    }

    /// <summary>Taps A and returns what came out.</summary>
    private Usage TapA()
    {
        var before = _backend.Output.Sent.Count;
        _backend.Key(A, true);
        _backend.Key(A, false);
        _backend.Sync();
        var sent = _backend.Output.Sent.Skip(before).ToList();
        Assert.Equal(2, sent.Count);
        return sent[0].Usage;
    }

    private void WaitForAttempts(int reloadsOrFailures, Func<KeymapStatus, bool> condition, string what) =>
        Waiting.Until(() => condition(_reloader.Status), what);

    public static TheoryData<string> SavePatterns => ["rename-over", "truncate-write", "delete-recreate", "in-place"];

    private void Save(string pattern, string text)
    {
        switch (pattern)
        {
            case "rename-over": // vim (backupcopy=no), VS Code, most IDEs: write a temp file, rename it over
                var temp = _dir.File(".config.toml.swp");
                File.WriteAllText(temp, text);
                File.Move(temp, _path, overwrite: true);
                break;
            case "truncate-write": // nano, echo > file: truncate, then write in pieces
                using (var stream = new FileStream(_path, FileMode.Truncate))
                {
                    stream.Flush();
                    Thread.Sleep(20);
                    var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length / 2);
                    stream.Flush();
                    Thread.Sleep(20);
                    stream.Write(bytes, bytes.Length / 2, bytes.Length - bytes.Length / 2);
                }
                break;
            case "delete-recreate":
                File.Delete(_path);
                Thread.Sleep(20);
                File.WriteAllText(_path, text);
                break;
            default:
                File.WriteAllText(_path, text);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(SavePatterns))]
    public void Good_then_bad_then_good_edit_bad_one_never_runs_and_its_diagnostics_come_and_go(string pattern)
    {
        Start(AtoB);
        Assert.True(_reloader.Status.Valid);
        Assert.Equal(B, TapA());

        Save(pattern, Broken);
        // (A slow delete + recreate may first be seen as "file not found": also rejected, also harmless.)
        WaitForAttempts(1, s => !s.Valid && s.Diagnostics.Any(d => d.Location.Line == 3), "the broken keymap to be rejected");
        var error = Assert.Single(_reloader.Status.Diagnostics, d => d.IsError);
        Assert.Equal(_path, error.Location.File);
        Assert.Equal(3, error.Location.Line);
        Assert.True(error.Location.Column > 0);
        Assert.Equal(B, TapA()); // the last good keymap keeps working
        Assert.Equal(0, _backend.KeymapsApplied);

        Save(pattern, AtoC);
        WaitForAttempts(2, s => s.Valid, "the fixed keymap to load");
        Assert.Empty(_reloader.Status.Diagnostics);
        _backend.Sync();
        Assert.Equal(1, _backend.KeymapsApplied);
        Assert.Equal(C, TapA());
    }

    [Fact]
    public void A_save_without_changes_is_not_applied_again()
    {
        Start(AtoB);
        File.WriteAllText(_path, AtoB);
        Thread.Sleep(600);
        _backend.Sync();
        Assert.Equal(0, _backend.KeymapsApplied);
        Assert.True(_reloader.Reload(ReloadTrigger.FileChange).Skipped);
        Assert.True(_reloader.Reload(ReloadTrigger.Request).Applied); // an explicit reload always reloads
    }

    [Fact]
    public void Editing_an_included_file_reloads_and_a_missing_include_is_picked_up_once_created()
    {
        var included = _dir.File("nav.toml");
        Start("version = 1\ninclude = \"nav.toml\"\n");
        Assert.False(_reloader.Status.Valid); // nav.toml does not exist yet
        Assert.Contains(_reloader.Status.Diagnostics, d => d.Message.Contains("nav.toml"));
        Assert.Contains(included, _reloader.WatchedFiles);

        File.WriteAllText(included, "[remap]\na = \"b\"\n");
        WaitForAttempts(1, s => s.Valid, "the include to be picked up");
        Assert.Equal(B, TapA());

        File.WriteAllText(included, "[remap]\na = \"c\"\n");
        Waiting.Until(() => { _backend.Sync(); return _backend.KeymapsApplied == 2; }, "the edited include to be applied");
        Assert.Equal(C, TapA());
    }

    [Fact]
    public void A_key_held_across_a_reload_is_released_exactly_once()
    {
        Start(AtoB);
        _backend.Key(A, true);
        _backend.Sync();
        Assert.Equal(1, _backend.Output.Count(B, true));

        Save("rename-over", AtoC);
        Waiting.Until(() => { _backend.Sync(); return _backend.KeymapsApplied == 1; }, "the new keymap to be applied");
        Assert.Equal(1, _backend.Output.Count(B, false)); // released by the swap...

        _backend.Key(A, false);
        _backend.Sync();
        Assert.Equal(1, _backend.Output.Count(B, false)); // ...and not again by the physical release
        Assert.Equal(0, _backend.Output.Count(C, true));  // no phantom press of the new meaning
        Assert.Equal(0, _backend.Output.Count(C, false));
        Assert.Equal(C, TapA());
    }

    [Fact]
    public void Events_keep_flowing_while_the_keymap_is_reloaded_and_nothing_stays_pressed()
    {
        Start(AtoB);
        var typing = new Thread(() =>
        {
            for (int i = 0; i < 5000; i++) // 10 000 key events
            {
                _backend.Key(A, true);
                _backend.Key(A, false);
                if (i % 100 == 0) Thread.Sleep(5);
            }
        });
        typing.Start();
        for (int i = 0; i < 20; i++)
        {
            Save("rename-over", i % 3 == 2 ? Broken : i % 2 == 0 ? AtoC : AtoB);
            Thread.Sleep(60);
            _reloader.Reload(ReloadTrigger.Request);
        }
        typing.Join();
        _backend.Sync();
        // Every press has exactly one release, in order per key (no stuck, lost or doubled key), and nothing of
        // the broken keymap ever ran: A always came out as B or C.
        foreach (var usage in new[] { B, C })
        {
            bool down = false;
            foreach (var (u, d) in _backend.Output.Sent.Where(s => s.Usage == usage))
            {
                Assert.NotEqual(down, d);
                down = d;
            }
            Assert.False(down, $"{usage} left pressed");
        }
        Assert.Equal(0, _backend.Output.Count(A, true));
        Assert.Equal(10_000, _backend.EventsIn);
    }

    [Fact]
    public void A_keymap_named_in_a_folder_that_does_not_exist_yet_is_loaded_once_it_is_created()
    {
        var folder = _dir.File("later");
        var path = Path.Combine(folder, "config.toml");
        _reloader = new KeymapReloader(new KeymapLocation(path, KeymapOrigin.CommandLine, "from --config", [path]), NullLogger.Instance);
        _backend = new FakeBackend(_reloader.LoadInitial());
        _reloader.Attach(_backend);
        _watcher = new KeymapWatcher(() => _reloader.Reload(ReloadTrigger.FileChange), NullLogger.Instance, TimeSpan.FromMilliseconds(100));
        _watcher.Watch(_reloader.WatchedFiles);
        Assert.Contains(_reloader.Status.Diagnostics, d => d.Message.Contains("not found"));

        Directory.CreateDirectory(folder);
        File.WriteAllText(path, AtoB);
        Waiting.Until(() => _reloader.Status.Valid, "the keymap in the new folder to load", 10_000);
        Assert.Equal(B, TapA());
    }

    [Fact]
    public void An_invalid_keymap_at_startup_starts_with_nothing_remapped_and_the_error_in_status()
    {
        Start(Broken);
        Assert.False(_reloader.Status.Valid);
        Assert.Null(_reloader.Status.RunningSinceUtc);
        Assert.Equal(A, TapA());
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _backend?.Dispose();
        _dir.Dispose();
    }
}
