using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Daemon.Config;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Config;

/// <summary>
/// Issue 13, items 1 and 9: no file can wedge the reloader (a FIFO used to hold its lock forever, and every later
/// `remapper reload` hung), and a keymap whose load fails with an internal error leaves keys passing through with the
/// error in status instead of stopping the daemon. Calls that could hang run under a 30 s guard, so a regression fails
/// instead of hanging the suite; no test asserts how fast anything is.
/// </summary>
public sealed class ReloadBoundTests : IDisposable
{
    private const string AtoB = "version = 1\n[remap]\na = \"b\"\n";
    private static readonly Usage A = Usage.Key(0x04), B = Usage.Key(0x05);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static T Within<T>(Func<T> work, string what)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(Guard), $"{what} blocked");
        return task.Result;
    }

    private KeymapReloader Reloader(string path, Func<string, KeymapLoadResult>? load = null, TimeSpan? timeout = null) =>
        new(new KeymapLocation(path, KeymapOrigin.CommandLine, "from --config", [path]), NullLogger.Instance, load, loadTimeout: timeout);

    private static Usage Tap(FakeBackend backend, Usage key)
    {
        var before = backend.Output.Sent.Count;
        backend.Key(key, true);
        backend.Key(key, false);
        backend.Sync();
        return backend.Output.Sent.Skip(before).First().Usage;
    }

    private string Fifo(string name)
    {
        var path = _dir.File(name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public void A_keymap_including_a_fifo_is_rejected_and_the_next_reload_is_not_blocked()
    {
        if (!OperatingSystem.IsLinux()) return;
        Fifo("pipe.toml");
        var main = _dir.File("config.toml");
        File.WriteAllText(main, "version = 1\ninclude = \"pipe.toml\"\n[remap]\na = \"b\"\n");
        var reloader = Reloader(main);
        var backend = new FakeBackend(Within(reloader.LoadInitial, "the first load"));
        reloader.Attach(backend);
        Assert.False(reloader.Status.Valid);
        Assert.Contains(reloader.Status.Diagnostics, d => d.Message.Contains("FIFO"));
        Assert.Equal(A, Tap(backend, A)); // nothing loaded yet: keys pass through

        // Saving again (the watcher's reload, which hashes every named file first) must not block on the FIFO either.
        Assert.False(Within(() => reloader.Reload(ReloadTrigger.FileChange), "a reload after a save").Applied);
        File.WriteAllText(main, AtoB);
        Assert.True(Within(() => reloader.Reload(ReloadTrigger.Request), "the reload after the fix").Applied);
        Assert.True(reloader.Status.Valid);
        Assert.Equal(B, Tap(backend, A));
    }

    [Fact]
    public void A_load_past_the_bound_is_abandoned_reported_and_the_newest_change_loads_when_it_ends()
    {
        var main = _dir.File("config.toml");
        File.WriteAllText(main, AtoB);
        using var stuck = new ManualResetEventSlim(false);
        var block = false;
        KeymapLoadResult Load(string path)
        {
            if (Volatile.Read(ref block)) stuck.Wait();
            return KeymapLoader.LoadFile(path);
        }
        // Warm the loader and the compiler up first: a cold first load must not be what outruns the short bound.
        Remapper.Core.Engine.CompiledKeymap.Compile(KeymapLoader.LoadFile(main).Model!);
        var reloader = Reloader(main, Load, TimeSpan.FromSeconds(2));
        var backend = new FakeBackend(reloader.LoadInitial());
        reloader.Attach(backend);
        Assert.Equal(B, Tap(backend, A));

        Volatile.Write(ref block, true);
        var first = Within(() => reloader.Reload(ReloadTrigger.Request), "a reload whose load hangs");
        Assert.False(first.Applied);
        Assert.Contains("abandoned", Assert.Single(first.Diagnostics).Message);
        Assert.False(reloader.Status.Valid);
        Assert.Equal(B, Tap(backend, A)); // the previous keymap keeps running

        // While the abandoned load still runs, another attempt answers at once instead of queueing behind it.
        File.WriteAllText(main, "version = 1\n[remap]\na = \"c\"\n");
        var second = Within(() => reloader.Reload(ReloadTrigger.FileChange), "a reload while the abandoned load runs");
        Assert.False(second.Applied);
        Assert.Contains("still running", Assert.Single(second.Diagnostics).Message);

        Volatile.Write(ref block, false);
        stuck.Set();
        Waiting.Until(() => reloader.Status.Valid, "the newest change to load once the abandoned load ended", 30_000);
        Assert.Equal(Usage.Key(0x06), Tap(backend, A));
    }

    [Fact]
    public void An_abandoned_load_is_followed_by_a_fresh_one_when_it_ends_even_without_another_save()
    {
        var main = _dir.File("config.toml");
        File.WriteAllText(main, AtoB);
        using var stuck = new ManualResetEventSlim(false);
        var first = true;
        KeymapLoadResult Load(string path)
        {
            // Only the first load hangs (a mount that came back): the one started when it ends finds the file.
            if (Interlocked.Exchange(ref first, false)) stuck.Wait();
            return KeymapLoader.LoadFile(path);
        }
        Remapper.Core.Engine.CompiledKeymap.Compile(KeymapLoader.LoadFile(main).Model!);
        var reloader = Reloader(main, Load, TimeSpan.FromSeconds(2));
        var backend = new FakeBackend(Within(reloader.LoadInitial, "a first load that hangs"));
        reloader.Attach(backend);
        Assert.False(reloader.Status.Valid);
        Assert.Equal(A, Tap(backend, A)); // keys pass through meanwhile

        stuck.Set();
        Waiting.Until(() => reloader.Status.Valid, "the keymap to load once the abandoned load ended", 30_000);
        Waiting.Until(() => { backend.Sync(); return backend.KeymapsApplied == 1; }, "the keymap to be applied", 30_000);
        Assert.Equal(B, Tap(backend, A));
    }

    [Fact]
    public void A_startup_keymap_that_fails_with_an_internal_error_leaves_keys_passing_through_with_the_error_in_status()
    {
        var main = _dir.File("config.toml");
        File.WriteAllText(main, AtoB);
        var broken = true;
        var reloader = Reloader(main, path => Volatile.Read(ref broken)
            ? throw new IndexOutOfRangeException("Index was outside the bounds of the array.")
            : KeymapLoader.LoadFile(path));
        var backend = new FakeBackend(reloader.LoadInitial());
        reloader.Attach(backend);

        Assert.False(reloader.Status.Valid);
        var error = Assert.Single(reloader.Status.Diagnostics);
        Assert.Contains("internal error", error.Message);
        Assert.Contains("IndexOutOfRangeException", error.Message);
        Assert.Equal(main, error.Location.File);
        Assert.Equal(A, Tap(backend, A));

        // A later reload that fails the same way is a failed reload, not an exception in the caller (IPC, SIGHUP).
        Assert.False(reloader.Reload(ReloadTrigger.Request).Applied);
        Volatile.Write(ref broken, false);
        Assert.True(reloader.Reload(ReloadTrigger.Request).Applied);
        Assert.Equal(B, Tap(backend, A));
    }

    [Fact]
    public void Running_out_of_memory_while_loading_is_an_error_in_status_too()
    {
        var main = _dir.File("config.toml");
        File.WriteAllText(main, AtoB);
        var reloader = Reloader(main, _ => throw new OutOfMemoryException());
        var backend = new FakeBackend(reloader.LoadInitial());
        Assert.False(reloader.Status.Valid);
        Assert.Contains("OutOfMemoryException", Assert.Single(reloader.Status.Diagnostics).Message);
        Assert.Equal(A, Tap(backend, A));
    }
}
