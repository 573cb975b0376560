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
public sealed class DaemonCommands
{
    private readonly DaemonInfo _info;
    private readonly KeymapReloader _reloader;
    private readonly IRemapBackend _backend;

    public DaemonCommands(DaemonInfo info, KeymapReloader reloader, IRemapBackend backend)
    {
        _info = info;
        _reloader = reloader;
        _backend = backend;
        IpcCommand[] commands =
        [
            new("status", Mutating: false, [], r => Task.FromResult(Ok(r, Status(), IpcJsonContext.Default.StatusResult))),
            new("devices", Mutating: false, [], r => Task.FromResult(Ok(r, new DevicesResult(backend.Status.Output, KeyboardDto.From(backend.Status.Keyboards)),
                IpcJsonContext.Default.DevicesResult))),
            new("version", Mutating: false, [], r => Task.FromResult(Ok(r, new VersionResult(info.Version, IpcProtocol.Version),
                IpcJsonContext.Default.VersionResult))),
            // Reload parses and compiles files: off the connection's I/O continuation.
            new("reload", Mutating: true, [], r => Task.Run(() => Reload(r))),
            new("pause", Mutating: true, [], r => SetPausedAsync(r, true)),
            new("resume", Mutating: true, [], r => SetPausedAsync(r, false)),
            new("set-variable", Mutating: true, ["name", "value"], SetVariableAsync),
            new("set-layer", Mutating: true, ["layer"], SetLayerAsync),
            // Every keystroke, passwords included: the same rights as changing the daemon. The connection streams it.
            new("monitor", Mutating: true, [], null),
        ];
        Registry = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>Every command the socket answers, by name: the one list (errors, help and docs follow it).</summary>
    public IReadOnlyDictionary<string, IpcCommand> Registry { get; }

    public IRemapBackend Backend => _backend;

    public DaemonInfo Info => _info;

    /// <summary>Runs a validated, authorised, non-streaming request.</summary>
    public Task<IpcResponse> ExecuteAsync(IpcRequest request) =>
        request.Cmd is { } name && Registry.TryGetValue(name, out var command) && command.Handler is { } handler
            ? handler(request)
            : Task.FromResult(UnknownCommand(request));

    public IpcResponse UnknownCommand(IpcRequest request) => Fail(request, IpcErrorCodes.UnknownCommand,
        $"unknown command '{request.Cmd}'; known: {string.Join(", ", Registry.Keys)}");

    public StatusResult Status()
    {
        var b = _backend.Status;
        var k = _reloader.Status;
        var keymap = new KeymapStatusDto(k.Location.Path, JsonNamingPolicy.CamelCase.ConvertName(k.Location.Origin.ToString()),
            k.Location.Reason, k.Valid, k.RunningSinceUtc, k.LastAttemptUtc, k.Reloads, Dtos(k.Diagnostics), k.Location.FileToCreate);
        var uptime = (long)(DateTimeOffset.UtcNow - _info.StartedAt).TotalSeconds;
        var daemon = new DaemonInfoDto(_info.Version, _info.Pid, _info.StartedAt, uptime, _info.SocketPath, _info.SystemService ? "system" : "user");
        return new StatusResult(StatusRules.StateWord(b, k.Diagnostics.Any(d => d.IsError)), daemon, keymap, b.Output, KeyboardDto.From(b.Keyboards), b.Paused, b.ActiveLayers,
            new CountersDto(b.Counters.EventsIn, b.Counters.EventsOut, b.Counters.LoopAllocatedBytes, GC.GetTotalAllocatedBytes(),
                b.Counters.UnsentKeys), b.Note);
    }

    private IpcResponse Reload(IpcRequest request)
    {
        var outcome = _reloader.Reload(ReloadTrigger.Request);
        var path = _reloader.Status.Location.Path;
        if (path is null)
            return Fail(request, IpcErrorCodes.NotFound, _reloader.Status.Location.Reason);
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
        await _backend.SetPausedAsync(paused);
        return Ok(request, new PausedResult(paused), IpcJsonContext.Default.PausedResult);
    }

    private async Task<IpcResponse> SetVariableAsync(IpcRequest request)
    {
        if (string.IsNullOrEmpty(request.Name) || request.Value is null)
            return Fail(request, IpcErrorCodes.BadRequest, "set-variable needs \"name\" (a string) and \"value\" (an integer)");
        if (!await _backend.SetVariableAsync(request.Name, request.Value.Value))
            return Fail(request, IpcErrorCodes.NotFound, $"the running keymap has no variable '{request.Name}'");
        return Ok(request, new SetVariableResult(request.Name, request.Value.Value), IpcJsonContext.Default.SetVariableResult);
    }

    private async Task<IpcResponse> SetLayerAsync(IpcRequest request)
    {
        if (string.IsNullOrEmpty(request.Layer))
            return Fail(request, IpcErrorCodes.BadRequest, "set-layer needs \"layer\" (a layer name)");
        if (!await _backend.SetBaseLayerAsync(request.Layer))
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
