using Remapper.Ipc;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using Remapper.Backend;
using Remapper.Daemon.Config;
using Remapper.Backend.Monitor;

namespace Remapper.Daemon.Ipc;

/// <summary>
/// What each IPC command does, independent of sockets: reads the status snapshots, asks the reloader, posts to the
/// backend. Never touches the event loop directly (the backend posts everything to it).
/// </summary>
public sealed class DaemonCommands(DaemonInfo info, KeymapReloader reloader, IRemapBackend backend)
{
    public static readonly IReadOnlySet<string> Mutating = new HashSet<string>(StringComparer.Ordinal)
        { "reload", "pause", "resume", "set-variable", "set-layer" };

    public IRemapBackend Backend => backend;

    public DaemonInfo Info => info;

    /// <summary>Runs a validated, authorised, non-streaming request.</summary>
    public async Task<IpcResponse> ExecuteAsync(IpcRequest request) => request.Cmd switch
    {
        "status" => Ok(request, Status(), IpcJsonContext.Default.StatusResult),
        "devices" => Ok(request, new DevicesResult(backend.Status.Output, backend.Status.Keyboards), IpcJsonContext.Default.DevicesResult),
        "version" => Ok(request, new VersionResult(info.Version, IpcProtocol.Version), IpcJsonContext.Default.VersionResult),
        "reload" => Reload(request),
        "pause" => await SetPausedAsync(request, true),
        "resume" => await SetPausedAsync(request, false),
        "set-variable" => await SetVariableAsync(request),
        "set-layer" => await SetLayerAsync(request),
        _ => Fail(request, IpcErrorCodes.UnknownCommand,
            $"unknown command '{request.Cmd}'; known: status, devices, reload, pause, resume, set-variable, set-layer, monitor, version"),
    };

    public StatusResult Status()
    {
        var b = backend.Status;
        var k = reloader.Status;
        var keymap = new KeymapStatusDto(k.Location.Path, JsonNamingPolicy.CamelCase.ConvertName(k.Location.Origin.ToString()),
            k.Location.Reason, k.Valid, k.RunningSinceUtc, k.LastAttemptUtc, k.Reloads, Dtos(k.Diagnostics));
        var uptime = (long)(DateTimeOffset.UtcNow - info.StartedAt).TotalSeconds;
        var daemon = new DaemonInfoDto(info.Version, info.Pid, info.StartedAt, uptime, info.SocketPath, info.SystemService ? "system" : "user");
        return new StatusResult(StateOf(b, k), daemon, keymap, b.Output, b.Keyboards, b.Paused, b.ActiveLayers,
            new CountersDto(b.Counters.EventsIn, b.Counters.EventsOut), b.Note);
    }

    /// <summary>One word for the tray: what the user most needs to know first.</summary>
    private static string StateOf(BackendStatus b, KeymapStatus k)
    {
        if (b.Paused) return "paused";
        if (k.Diagnostics.Any(d => d.IsError)) return "config-error";
        if (b.Output.State != OutputDeviceState.Ready || b.Note is not null
            || b.Keyboards.Any(kb => kb.State is KeyboardState.AccessDenied or KeyboardState.Busy or KeyboardState.Failed))
            return "degraded";
        return "running";
    }

    private IpcResponse Reload(IpcRequest request)
    {
        var outcome = reloader.Reload(ReloadTrigger.Request);
        var path = reloader.Status.Location.Path;
        if (path is null)
            return Fail(request, IpcErrorCodes.NotFound, reloader.Status.Location.Reason);
        if (!outcome.Success)
        {
            var errors = outcome.Diagnostics.Count(d => d.IsError);
            return Fail(request, IpcErrorCodes.InvalidKeymap,
                $"{path}: {errors} error{(errors == 1 ? "" : "s")}; the previous keymap keeps running", Dtos(outcome.Diagnostics));
        }
        return Ok(request, new ReloadResult(outcome.Applied, path, Dtos(outcome.Diagnostics.Where(d => !d.IsError))),
            IpcJsonContext.Default.ReloadResult);
    }

    private async Task<IpcResponse> SetPausedAsync(IpcRequest request, bool paused)
    {
        await backend.SetPausedAsync(paused);
        return Ok(request, new PausedResult(paused), IpcJsonContext.Default.PausedResult);
    }

    private async Task<IpcResponse> SetVariableAsync(IpcRequest request)
    {
        if (string.IsNullOrEmpty(request.Name) || request.Value is null)
            return Fail(request, IpcErrorCodes.BadRequest, "set-variable needs \"name\" (a string) and \"value\" (an integer)");
        if (!await backend.SetVariableAsync(request.Name, request.Value.Value))
            return Fail(request, IpcErrorCodes.NotFound, $"the running keymap has no variable '{request.Name}'");
        return Ok(request, new SetVariableResult(request.Name, request.Value.Value), IpcJsonContext.Default.SetVariableResult);
    }

    private async Task<IpcResponse> SetLayerAsync(IpcRequest request)
    {
        if (string.IsNullOrEmpty(request.Layer))
            return Fail(request, IpcErrorCodes.BadRequest, "set-layer needs \"layer\" (a layer name)");
        if (!await backend.SetBaseLayerAsync(request.Layer))
            return Fail(request, IpcErrorCodes.NotFound, $"the running keymap has no layer '{request.Layer}'");
        return Ok(request, new SetLayerResult(request.Layer), IpcJsonContext.Default.SetLayerResult);
    }

    public static IpcResponse Ok<T>(IpcRequest request, T result, JsonTypeInfo<T> type) =>
        new() { Id = request.Id, Ok = true, Result = JsonSerializer.SerializeToElement(result, type) };

    public static IpcResponse Fail(IpcRequest? request, string code, string message, IReadOnlyList<DiagnosticDto>? diagnostics = null) =>
        new() { Id = request?.Id, Ok = false, Error = new IpcError(code, message, diagnostics) };

    public static IReadOnlyList<DiagnosticDto> Dtos(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => new DiagnosticDto(d.Location.File, d.Location.Line, d.Location.Column,
            d.IsError ? "error" : "warning", d.Message, d.Suggestion, d.ToString())).ToList();

    public static MonitorEventDto Dto(in MonitorEvent e) =>
        new(e.TimeUs, e.Direction == MonitorDirection.Input ? "in" : "out", e.Device, e.Usage.Page, e.Usage.Id, KeyName(e.Usage), e.Down);

    private static string KeyName(Usage usage)
    {
        var name = KeyNames.NameOf(usage);
        return string.IsNullOrEmpty(name) ? $"{usage.Page:x2}:{usage.Id:x2}" : name;
    }
}
