using System.CommandLine;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Cli.Commands;

/// <summary>The shape of <c>reload</c>, <c>pause</c>, <c>resume</c>: send one command, print one line (or JSON).</summary>
internal static class SimpleDaemonCommand
{
    public static Command Create(string name, string description, Func<IpcResponse, string> success)
    {
        var socket = DaemonConnection.SocketOption();
        var json = new Option<bool>("--json") { Description = "Print the daemon's JSON response: its result, or {ok: false, error} when it failed." };
        var command = new Command(name, description);
        command.Options.Add(socket);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var client = DaemonConnection.Connect(parse, parse.GetValue(socket), name, out var exit, parse.GetValue(json));
            if (client is null) return exit;
            IpcResponse response;
            try
            {
                response = client.Request(new IpcRequest { Cmd = name }, TimeSpan.FromSeconds(30));
            }
            catch (Exception e) when (DaemonConnection.IsWireError(e))
            {
                return DaemonConnection.Broken(parse, name, e);
            }
            if (parse.GetValue(json))
            {
                // JSON in every outcome: the result when it worked, the daemon's error response (with the keymap's
                // diagnostics) when not; the exit code says the same as without --json.
                if (response.Ok && response.Result is { } result) DaemonConnection.WriteJson(parse.Out(), result);
                else DaemonConnection.WriteJson(parse.Out(), response);
                return response.Ok ? ExitCodes.Ok : DaemonConnection.ExitCodeOf(response.Error);
            }
            if (DaemonConnection.Fail(parse, name, response) is { } failed) return failed;
            parse.Out().WriteLine(success(response));
            return ExitCodes.Ok;
        });
        return command;
    }
}
