using System.CommandLine;
using System.Text.Json;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;

namespace Remapper.Cli.Commands;

/// <summary>What every command that talks to the running daemon shares: <c>--socket</c>, connecting, error replies.</summary>
internal static class DaemonConnection
{
    public static Option<string?> SocketOption() => new("--socket")
    {
        HelpName = "PATH",
        Description = "The daemon's socket (default: $XDG_RUNTIME_DIR/remapper.sock, then /run/remapper/remapper.sock).",
    };

    /// <summary>The error code a <c>--json</c> client prints when no daemon answers (the daemon never sends it).</summary>
    public const string NotRunningCode = "not_running";

    /// <summary>
    /// Connects, or prints one line saying why not and sets <paramref name="exitCode"/>; with <paramref name="json"/>
    /// also an error response on stdout, so a <c>--json</c> caller always gets JSON.
    /// </summary>
    public static IpcClient? Connect(ParseResult parse, string? socket, string command, out int exitCode, bool json = false)
    {
        var client = IpcClient.TryConnect(SocketLocator.ForClient(socket), out var problem, out var notRunning);
        exitCode = client is null ? (notRunning ? ExitCodes.NotRunning : ExitCodes.UsageOrIo) : ExitCodes.Ok;
        if (client is null)
        {
            parse.Error().WriteLine($"remapper {command}: {problem}");
            if (json) WriteJson(parse.Out(), new IpcResponse { Ok = false, Error = new IpcError(notRunning ? NotRunningCode : IpcErrorCodes.PermissionDenied, problem) });
        }
        return client;
    }

    /// <summary>A failed response as <c>--json</c> prints it: the daemon's own response object.</summary>
    public static void WriteJson(TextWriter output, IpcResponse response) =>
        WriteJson(output, JsonSerializer.SerializeToElement(response, IpcJsonContext.Default.IpcResponse));

    /// <summary>Runs one request; prints an error response and returns its exit code, or null when it succeeded.</summary>
    public static int? Fail(ParseResult parse, string command, IpcResponse response)
    {
        if (response.Ok) return null;
        var error = response.Error ?? new IpcError(IpcErrorCodes.Internal, "the daemon answered without saying what went wrong");
        foreach (var d in error.Diagnostics ?? []) parse.Out().WriteLine(d.Text);
        parse.Error().WriteLine($"remapper {command}: {error.Message}");
        return ExitCodeOf(error);
    }

    public static int ExitCodeOf(IpcError? error) => error?.Code switch
    {
        IpcErrorCodes.InvalidKeymap => ExitCodes.Failed,
        IpcErrorCodes.NotFound => ExitCodes.Failed,
        _ => ExitCodes.UsageOrIo,
    };

    /// <summary>A request that failed on the wire (daemon died mid-answer): one line, exit 2.</summary>
    public static int Broken(ParseResult parse, string command, Exception e)
    {
        parse.Error().WriteLine($"remapper {command}: lost the connection to the daemon: {e.Message}");
        return ExitCodes.UsageOrIo;
    }

    public static bool IsWireError(Exception e) => e is IOException or JsonException or System.Net.Sockets.SocketException;

    /// <summary>Prints a result as indented JSON, exactly as the daemon sent it.</summary>
    public static void WriteJson(TextWriter output, JsonElement element) => CliJson.Write(output, element);
}
