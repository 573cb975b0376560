using Microsoft.Extensions.Logging.Abstractions;
using Remapper.Daemon.Config;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Daemon.Tests.Fakes;

/// <summary>
/// The daemon's parts wired as <c>remapper run</c> wires them — reloader, fake loop, commands, a real socket server in
/// a temp dir — without hosting or devices.
/// </summary>
internal sealed class InProcessDaemon : IAsyncDisposable
{
    public const string Keymap = "version = 1\n[remap]\na = \"b\"\n\n[layer.nav]\nh = \"left_arrow\"\n";

    private InProcessDaemon(TempDir dir, string keymapPath, KeymapReloader reloader, FakeBackend backend, IpcServer server)
    {
        Dir = dir;
        KeymapPath = keymapPath;
        Reloader = reloader;
        Backend = backend;
        Server = server;
    }

    public TempDir Dir { get; }
    public string KeymapPath { get; }
    public KeymapReloader Reloader { get; }
    public FakeBackend Backend { get; }
    public IpcServer Server { get; }
    public string SocketPath => Server.Path;

    /// <param name="shippedDefault">Run the keymap as the shipped default (no keymap of the user's own yet).</param>
    public static InProcessDaemon Start(IpcAccessPolicy? policy = null, uint? socketGroup = null, string keymap = Keymap,
        IpcLimits? limits = null, bool shippedDefault = false)
    {
        var dir = new TempDir();
        var keymapPath = dir.File("config.toml");
        File.WriteAllText(keymapPath, keymap);
        var location = shippedDefault
            ? new KeymapLocation(keymapPath, KeymapOrigin.ShippedDefault, "the shipped default, because ~/.config/remapper/config.toml does not exist",
                ["~/.config/remapper/config.toml", keymapPath], "~/.config/remapper/config.toml")
            : new KeymapLocation(keymapPath, KeymapOrigin.CommandLine, "from --config", [keymapPath]);
        var reloader = new KeymapReloader(location, NullLogger.Instance);
        var backend = new FakeBackend(reloader.LoadInitial());
        reloader.Attach(backend);
        var socket = dir.File("remapper.sock");
        var info = DaemonInfo.ForThisProcess(socket, systemService: false);
        var server = new IpcServer(socket, new DaemonCommands(info, reloader, backend),
            policy ?? new IpcAccessPolicy(Native.geteuid(), null), NullLogger.Instance, limits);
        server.Start(socketGroup);
        return new InProcessDaemon(dir, keymapPath, reloader, backend, server);
    }

    public IpcClient Connect() =>
        IpcClient.TryConnect([SocketPath], out var problem, out _) ?? throw new InvalidOperationException(problem);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Backend.Dispose();
        Dir.Dispose();
    }
}
