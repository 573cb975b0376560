using System.CommandLine;
using System.Text.Json;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Cli.Commands;

/// <summary><c>remapper monitor</c>: physical keys and what the virtual keyboard typed, side by side, live.</summary>
internal static class MonitorCommand
{
    private const int InputWidth = 28;

    public static Command Create()
    {
        var socket = DaemonConnection.SocketOption();
        var json = new Option<bool>("--json") { Description = "Print each event as the daemon's JSON line (docs/ipc.md, `monitor`)." };
        var count = new Option<int?>("--count") { Description = "Exit after this many events (default: until Ctrl-C)." };
        var raw = new Option<bool>("--raw")
        {
            Description = "Without a daemon: show the physical keys of every keyboard (or of --device) with their key names, " +
                          "read directly and not taken over — for finding the name of a key.",
        };
        var device = new Option<string[]>("--device") { Description = "With --raw: read this /dev/input/eventN only (may be repeated).", HelpName = "PATH" };
        var command = new Command("monitor",
            "Watch key events live: what each keyboard sent (INPUT) and what the virtual keyboard typed (OUTPUT), " +
            "with the time since the first event. Ctrl-C to stop. With --raw, no daemon is needed.");
        command.Options.Add(socket);
        command.Options.Add(json);
        command.Options.Add(count);
        command.Options.Add(raw);
        command.Options.Add(device);
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(raw))
                return await Task.Run(() => RawMonitor.Run(parse, parse.GetValue(device) ?? [], parse.GetValue(count), cancellation));
            using var client = DaemonConnection.Connect(parse, parse.GetValue(socket), "monitor", out var exit);
            if (client is null) return exit;
            // Ctrl-C: closing the socket ends the blocking read below.
            await using var onCancel = cancellation.Register(client.Dispose);
            try
            {
                WarnIfNothingCanAppear(parse, client);
                var response = client.Request(new IpcRequest { Cmd = "monitor" });
                if (DaemonConnection.Fail(parse, "monitor", response) is { } failed) return failed;
                return await Task.Run(() => Stream(parse, client, parse.GetValue(json), parse.GetValue(count), cancellation));
            }
            catch (Exception e) when (DaemonConnection.IsWireError(e) || e is ObjectDisposedException)
            {
                return cancellation.IsCancellationRequested ? ExitCodes.Ok : DaemonConnection.Broken(parse, "monitor", e);
            }
        });
        return command;
    }

    /// <summary>An empty monitor looks like a broken one: say up front when no key can show up, and why.</summary>
    private static void WarnIfNothingCanAppear(ParseResult parse, IpcClient client)
    {
        var response = client.Request("status");
        if (!response.Ok) return;
        var status = IpcClient.Result(response, IpcJsonContext.Default.StatusResult);
        if (status.Output.State != Remapper.Backend.OutputDeviceState.Ready)
            parse.Error().WriteLine($"remapper monitor: nothing can appear yet: there is no virtual keyboard ({status.Output.Detail})");
        else if (!status.Keyboards.Any(k => k.State == Remapper.Backend.KeyboardState.Seized))
            parse.Error().WriteLine("remapper monitor: nothing can appear yet: no keyboard is seized (`remapper status` says why); " +
                                    "`remapper monitor --raw` shows the physical keys without the daemon");
        else if (status.Paused)
            parse.Error().WriteLine("remapper monitor: remapping is paused: input appears, output is what you typed (`remapper resume`)");
    }

    private static int Stream(ParseResult parse, IpcClient client, bool json, int? limit, CancellationToken cancellation)
    {
        var o = parse.Out();
        if (!json)
        {
            o.WriteLine($"{"TIME",12}  {"INPUT".PadRight(InputWidth)}OUTPUT");
            o.Flush();
        }
        long? first = null;
        int seen = 0;
        while (!cancellation.IsCancellationRequested && (limit is null || seen < limit))
        {
            IpcStreamMessage? message;
            try
            {
                message = client.ReadStreamMessage();
            }
            catch (Exception error) when ((error is IOException or ObjectDisposedException) && cancellation.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            if (message is null)
            {
                if (cancellation.IsCancellationRequested) return ExitCodes.Ok;
                parse.Error().WriteLine("remapper monitor: the daemon closed the stream");
                return ExitCodes.UsageOrIo;
            }
            if (json)
            {
                CliJson.Write(o, message, IpcJsonContext.Default.IpcStreamMessage, indented: false);
            }
            else if (message.Dropped is { } dropped)
            {
                o.WriteLine($"{"",12}  ({dropped} events dropped: the terminal could not keep up)");
            }
            if (message.Event is { } e)
            {
                seen++;
                if (!json)
                {
                    first ??= e.T;
                    var time = $"{(e.T - first.Value) / 1_000_000.0,12:0.000000}";
                    var text = $"{e.Key} {(e.Down ? "↓" : "↑")}";
                    o.WriteLine(e.Dir == "in"
                        ? $"{time}  {text} [{e.Device}]"
                        : $"{time}  {"".PadRight(InputWidth)}{text}");
                }
            }
            o.Flush();
        }
        return ExitCodes.Ok;
    }
}
