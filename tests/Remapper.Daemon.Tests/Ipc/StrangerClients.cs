using System.Diagnostics;
using System.Text.Json;
using Remapper.Daemon.Ipc;

namespace Remapper.Daemon.Tests.Ipc;

/// <summary>
/// Connections from a user the daemon does not trust, held open until disposed. Run as root (uid 0 is always trusted),
/// they come from a helper process that drops to <c>nobody</c> with setpriv; run as anyone else, from this process —
/// the tests then give the daemon a policy that does not trust this uid.
/// </summary>
internal sealed class StrangerClients : IDisposable
{
    private const int Nobody = 65534;

    private const string Script = """
        import socket, sys
        path, count, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        held = []
        for i in range(count):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            try:
                s.sendall(('{"v":1,"id":%d,"cmd":"%s"}\n' % (i + 1, cmd)).encode())
            except OSError:
                pass
            line = s.makefile().readline().strip()
            print(line if line else "closed", flush=True)
            held.append(s)
        sys.stdin.read()
        """;

    private readonly Process? _process;
    private readonly List<RawClient> _clients = [];

    public StrangerClients(string socket, int count, string command)
    {
        if (!RunAsRoot)
        {
            for (int i = 0; i < count; i++)
            {
                var client = new RawClient(socket);
                _clients.Add(client);
                client.Send($$"""{"v":1,"id":{{i + 1}},"cmd":"{{command}}"}""" + "\n");
                Responses.Add(client.Next() is { } line ? line : null);
            }
            return;
        }
        File.SetUnixFileMode(Path.GetDirectoryName(socket)!, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(socket, (UnixFileMode)Convert.ToInt32("666", 8));
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "/usr/bin/python3", "-c", Script, socket,
                     count.ToString(System.Globalization.CultureInfo.InvariantCulture), command })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        for (int i = 0; i < count; i++)
        {
            var line = _process.StandardOutput.ReadLine() ?? throw new IOException("the stranger's helper ended early");
            Responses.Add(line == "closed" ? null : JsonDocument.Parse(line).RootElement.Clone());
        }
    }

    /// <summary>uid 0 is always trusted, so as root the strangers must really be another user.</summary>
    public static bool RunAsRoot => Native.geteuid() == 0;

    /// <summary>A policy under which the strangers may not change the daemon.</summary>
    public static IpcAccessPolicy Policy => new(RunAsRoot ? 0u : 54321u, TrustedGroup: null);

    /// <summary>The first line each connection got, in order; null when it was closed without one.</summary>
    public List<JsonElement?> Responses { get; } = [];

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        if (_process is null) return;
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000)) _process.Kill();
        _process.Dispose();
    }
}
