using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Daemon;
using Remapper.Daemon.Config;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Tray.Tests.Fakes;

/// <summary>
/// The daemon's real reloader, commands and socket server over a <see cref="FakeBackend"/>, in a temp dir. It can be
/// stopped and started again on the same socket, as a restarted service would be.
/// </summary>
internal sealed class FakeDaemon : IAsyncDisposable
{
    public const string GoodKeymap = "version = 1\n[remap]\ncaps_lock = \"escape\"\n";

    /// <summary>A typo on line 3, column 1: an unknown key name.</summary>
    public const string BrokenKeymap = "version = 1\n[remap]\ncapslok = \"escape\"\n";

    private IpcServer? _server;

    public FakeDaemon()
    {
        Dir = Directory.CreateTempSubdirectory("remapper-tray-test-").FullName;
        KeymapPath = Path.Combine(Dir, "config.toml");
        SocketPath = Path.Combine(Dir, "remapper.sock");
        File.WriteAllText(KeymapPath, GoodKeymap);
        Reloader = new KeymapReloader(new KeymapLocation(KeymapPath, KeymapOrigin.CommandLine, "from --config", [KeymapPath]), NullLogger.Instance);
        Reloader.LoadInitial();
        Reloader.Attach(Backend);
    }

    public string Dir { get; }
    public string KeymapPath { get; }
    public string SocketPath { get; }
    public KeymapReloader Reloader { get; }
    public FakeBackend Backend { get; } = new();

    public FakeDaemon Start()
    {
        var commands = new DaemonCommands(DaemonInfo.ForThisProcess(SocketPath, systemService: false), Reloader, Backend);
        _server = new IpcServer(SocketPath, commands, new IpcAccessPolicy(Libc.geteuid(), null), NullLogger.Instance);
        _server.Start(null);
        return this;
    }

    public async Task StopAsync()
    {
        if (_server is { } server) await server.DisposeAsync();
        _server = null;
    }

    /// <summary>Saves <paramref name="keymap"/> and reloads as the daemon's file watcher would.</summary>
    public void SaveKeymap(string keymap)
    {
        File.WriteAllText(KeymapPath, keymap);
        Reloader.Reload(ReloadTrigger.FileChange);
    }

    public IpcClient Connect() =>
        IpcClient.TryConnect([SocketPath], out var problem, out _) ?? throw new InvalidOperationException(problem);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
