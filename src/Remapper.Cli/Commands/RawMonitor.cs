using System.CommandLine;
using Remapper.Core.Hid;
using Remapper.Linux.Discovery;
using Remapper.Linux.Input;

namespace Remapper.Cli.Commands;

/// <summary>
/// <c>remapper monitor --raw</c>: the physical keys of every keyboard (or of <c>--device PATH</c>), read directly
/// without a daemon and without taking the keyboards over, with the key name a keymap uses for each.
/// </summary>
internal static class RawMonitor
{
    public static int Run(ParseResult parse, IReadOnlyList<string> devices, int? limit, CancellationToken cancellation)
    {
        var o = parse.Out();
        var sources = devices.Count > 0
            ? devices.Select(d => (Node: d, Name: d)).ToList()
            : new InputDeviceScanner().Scan().Where(d => d.IsCandidate).Select(d => (Node: d.DevNode, Name: d.Name)).ToList();
        if (sources.Count == 0)
        {
            parse.Error().WriteLine("remapper monitor: no keyboard found to read (`remapper devices` lists them; `remapper doctor` says why)");
            return ExitCodes.Failed;
        }
        var streams = new List<(FileStream Stream, string Name)>();
        foreach (var (node, name) in sources)
        {
            try
            {
                streams.Add((new FileStream(node, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None), name));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parse.Error().WriteLine(e is UnauthorizedAccessException
                    ? $"remapper monitor: cannot read {node}: permission denied (join the input group: `sudo usermod -aG input $USER`, then log in again)"
                    : $"remapper monitor: cannot read {node}: {e.Message}");
            }
        }
        if (streams.Count == 0) return ExitCodes.UsageOrIo;

        o.WriteLine("Press keys (Ctrl-C to stop). A running daemon's grab hides a keyboard's keys from this view.");
        o.WriteLine($"{"KEYBOARD",-30}  {"KEY",-20}  {"USAGE",-9}  EVENT");
        o.Flush();
        var gate = new Lock();
        int seen = 0;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var onCancel = done.Token.Register(() => { foreach (var s in streams) s.Stream.Dispose(); });
        var readers = streams.Select(s => Task.Run(() =>
        {
            var record = new byte[RawKeyEvent.RecordSize];
            try
            {
                while (!done.IsCancellationRequested)
                {
                    int read = 0;
                    while (read < record.Length && (read += s.Stream.Read(record, read, record.Length - read)) > 0 && read < record.Length) { }
                    if (read < record.Length) return; // the device is gone (or a file ended)
                    if (RawKeyEvent.Decode(record) is not { } key || key.Repeat) continue;
                    lock (gate)
                    {
                        if (limit is { } max && seen >= max) return;
                        var name = LinuxKeyCodes.TryToUsage(key.Code, out var usage) ? KeyNames.NameOf(usage) : $"(code {key.Code})";
                        var code = LinuxKeyCodes.TryToUsage(key.Code, out var u) ? KeysCommand.UsageCode(u) : "";
                        o.WriteLine($"{Short(s.Name),-30}  {name,-20}  {code,-9}  {(key.Down ? "down" : "up")}");
                        o.Flush();
                        if (limit is { } stop && ++seen >= stop) done.Cancel();
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
            {
                // Ctrl-C closed the stream, or the keyboard was unplugged.
            }
        })).ToArray();
        Task.WaitAll(readers);
        foreach (var s in streams) s.Stream.Dispose();
        return ExitCodes.Ok;
    }

    private static string Short(string name) => name.Length <= 30 ? name : name[..29] + "…";
}
