using Microsoft.Extensions.Logging;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using Remapper.Backend;

namespace Remapper.Daemon.Config;

/// <summary>
/// Loads the keymap transactionally: parse and compile here (never on the event loop), then hand the compiled
/// keymap to the backend, which swaps it on its loop thread. An invalid keymap is rejected as a whole; the old one
/// keeps running and the diagnostics stay in <see cref="Status"/> until the next good load.
/// A load runs on a worker and is waited for at most <see cref="LoadTimeout"/>: one that takes longer is abandoned
/// and reported, so no file (a FIFO, a slow network mount) can hold the reload lock; while it still runs, later
/// attempts say so at once, and the keymap is loaded again as soon as it ends. At most one abandoned load runs.
/// </summary>
public sealed class KeymapReloader
{
    private const string EmptyKeymapName = "<built-in empty keymap>";

    private readonly ILogger _logger;
    private readonly Func<string, KeymapLoadResult> _load;
    private readonly Lock _gate = new();
    private readonly TimeSpan _loadTimeout;
    private Task<KeymapLoadResult>? _abandoned;
    private ReloadTrigger? _retryAfterAbandoned;
    private IRemapBackend? _backend;
    private byte[]? _appliedContent; // every watched file as applied: a save without changes reloads nothing
    private string? _lastLoggedFailure;
    private KeymapStatus _status;
    private readonly Func<KeymapLocation>? _locate;

    /// <summary>How long one load (read, parse, validate, compile) may take before it is abandoned.</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(10);

    /// <param name="locate">
    /// The locator's rule, asked again before every reload: a user keymap created (or removed) while the shipped
    /// default runs replaces it on the next change, SIGHUP or <c>remapper reload</c>.
    /// </param>
    public KeymapReloader(KeymapLocation location, ILogger logger, Func<string, KeymapLoadResult>? load = null,
        Func<KeymapLocation>? locate = null, TimeSpan? loadTimeout = null)
    {
        _logger = logger;
        _load = load ?? KeymapLoader.LoadFile;
        _locate = locate;
        _loadTimeout = loadTimeout ?? LoadTimeout;
        _status = new KeymapStatus(location, false, [], null, DateTimeOffset.UtcNow, 0);
        WatchedFiles = WithFileToCreate(location, location.Path is null ? [] : [location.Path]);
    }

    public KeymapStatus Status => Volatile.Read(ref _status);

    /// <summary>The keymap file and every include it names (found or not) as of the last load attempt.</summary>
    public IReadOnlyList<string> WatchedFiles { get; private set; }

    /// <summary>Raised after every load attempt (the status changed).</summary>
    public event Action<KeymapStatus>? StatusChanged;

    /// <summary>Raised when the set of files to watch changed (an include was added or removed).</summary>
    public event Action<IReadOnlyList<string>>? WatchedFilesChanged;

    /// <summary>
    /// The first load, before the backend exists: the keymap to start with. When the file is missing or invalid
    /// the daemon still starts, with an empty keymap (keys pass through), and the error shows in status.
    /// </summary>
    public CompiledKeymap LoadInitial()
    {
        lock (_gate)
        {
            var compiled = TryLoad(ReloadTrigger.Startup, out _);
            if (compiled is not null) Publish(_loaded!);
            return compiled ?? EmptyKeymap();
        }
    }

    /// <summary>How long a reload waits for the event loop to take the new keymap.</summary>
    public static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects the backend later loads are applied to.</summary>
    public void Attach(IRemapBackend backend) => Volatile.Write(ref _backend, backend);

    /// <summary>Loads the keymap again and applies it when it is valid. Thread-safe; attempts run one at a time.</summary>
    public ReloadOutcome Reload(ReloadTrigger trigger)
    {
        lock (_gate)
        {
            if (trigger == ReloadTrigger.FileChange && _appliedContent is not null && _status.Valid
                && SnapshotFiles(WatchedFiles).AsSpan().SequenceEqual(_appliedContent))
            {
                _logger.LogDebug("Keymap files saved without changes; nothing to reload");
                return new ReloadOutcome(false, true, []);
            }
            var compiled = TryLoad(trigger, out var diagnostics);
            if (compiled is null) return new ReloadOutcome(false, false, diagnostics);
            // Waits for the loop to run the new keymap, so "applied" in the reply is true; bounded, so a dead loop
            // cannot hold the reload lock forever.
            if (Volatile.Read(ref _backend) is { } backend && !backend.ApplyKeymapAsync(compiled).Wait(ApplyTimeout))
                _logger.LogError("The event loop did not take the new keymap within {Seconds} s", ApplyTimeout.TotalSeconds);
            // Only now does status say the new keymap runs: a client that reads it and types gets the new keymap.
            Publish(_loaded!);
            return new ReloadOutcome(true, false, diagnostics);
        }
    }

    public static CompiledKeymap EmptyKeymap()
    {
        var result = KeymapLoader.Load("version = 1\n", EmptyKeymapName);
        return CompiledKeymap.Compile(result.Model ?? throw new InvalidOperationException("the empty keymap must load"));
    }

    private CompiledKeymap? TryLoad(ReloadTrigger trigger, out IReadOnlyList<Diagnostic> diagnostics)
    {
        // Status keeps naming the keymap that runs until the new place's keymap was loaded (or failed to load).
        var location = _status.Location;
        if (trigger != ReloadTrigger.Startup && _locate?.Invoke() is { } found && found.Path != location.Path)
        {
            _logger.LogInformation("Switching to keymap {KeymapPath} ({KeymapReason})", found.Path ?? "none", found.Reason);
            location = found;
            _appliedContent = null;
            UpdateWatchedFiles(WithFileToCreate(found, found.Path is null ? [] : [found.Path]));
        }
        var now = DateTimeOffset.UtcNow;
        if (location.Path is null)
        {
            diagnostics = [];
            Publish(_status with { Location = location, LastAttemptUtc = now });
            return null;
        }

        var content = SnapshotFiles(WatchedFiles);
        var result = LoadBounded(location.Path, trigger);
        var named = WithFileToCreate(location, result.SourceFiles.Count > 0 ? result.SourceFiles : [location.Path]);
        // Snapshot the files this load named: the include set may just have changed.
        if (!SameFiles(named))
        {
            UpdateWatchedFiles(named);
            content = SnapshotFiles(WatchedFiles);
        }
        diagnostics = result.Diagnostics;

        var compiled = result.Success ? _compiled : null;

        if (compiled is null)
        {
            LogFailureOnce(location.Path, trigger, diagnostics);
            Publish(_status with { Location = location, Valid = false, Diagnostics = diagnostics, LastAttemptUtc = now });
            return null;
        }

        _appliedContent = content;
        if (_lastLoggedFailure is not null || trigger != ReloadTrigger.Startup)
            _logger.LogInformation("Keymap {KeymapPath} loaded {Trigger}{Fixed}", location.Path, InWords(trigger),
                _lastLoggedFailure is not null ? "; the previous error is fixed" : "");
        else
            _logger.LogInformation("Keymap {KeymapPath} loaded", location.Path);
        _lastLoggedFailure = null;
        foreach (var warning in diagnostics.Where(d => !d.IsError))
            _logger.LogWarning("{Diagnostic}", warning.ToString());
        _loaded = _status with
        {
            Location = location,
            Valid = true,
            Diagnostics = diagnostics,
            RunningSinceUtc = now,
            LastAttemptUtc = now,
            Reloads = _status.Reloads + (trigger == ReloadTrigger.Startup ? 0 : 1),
        };
        return compiled;
    }

    // The status of a successful load, published by the caller once the keymap runs (only read under _gate).
    private KeymapStatus? _loaded;

    // Handed from the worker with its result; only read under _gate right after the worker finished.
    private CompiledKeymap? _compiled;

    /// <summary>
    /// Runs the load and the compile on a worker and waits at most the load timeout. Whatever it throws (a bug, or
    /// running out of memory) becomes an error diagnostic: a keymap must never stop the daemon, at startup or later.
    /// </summary>
    private KeymapLoadResult LoadBounded(string path, ReloadTrigger trigger)
    {
        _compiled = null;
        if (_abandoned is { IsCompleted: false })
        {
            _retryAfterAbandoned = trigger;
            return Failed(path, $"an earlier load of this keymap is still running (it was abandoned after {Seconds(_loadTimeout)}); " +
                "this change is loaded as soon as it ends");
        }
        _abandoned = null;
        var work = Task.Run(() => LoadAndCompile(path));
        if (work.Wait(_loadTimeout))
        {
            _compiled = work.Result.Compiled;
            return work.Result.Load;
        }
        var abandoned = work.ContinueWith(t => t.Result.Load, TaskScheduler.Default);
        _abandoned = abandoned;
        // Its result is stale by the time it comes: load again then (the file may be fixed, the mount back).
        _retryAfterAbandoned = trigger;
        _ = abandoned.ContinueWith(_ => RetryAfterAbandoned(), TaskScheduler.Default);
        _logger.LogError("Loading keymap {KeymapPath} took longer than {Timeout} and was abandoned", path, Seconds(_loadTimeout));
        return Failed(path, $"loading this keymap took longer than {Seconds(_loadTimeout)} and was abandoned " +
            "(does it include something that is not a regular file, on a slow or hung file system?)");
    }

    private void RetryAfterAbandoned()
    {
        ReloadTrigger? retry;
        lock (_gate) (retry, _retryAfterAbandoned) = (_retryAfterAbandoned, null);
        if (retry is { } trigger) Reload(trigger == ReloadTrigger.Startup ? ReloadTrigger.FileChange : trigger);
    }

    private (KeymapLoadResult Load, CompiledKeymap? Compiled) LoadAndCompile(string path)
    {
        KeymapLoadResult result;
        try
        {
            result = _load(path);
        }
        catch (Exception e)
        {
            return (Failed(path, $"internal error while loading this keymap ({e.GetType().Name}: {e.Message}); please report it"), null);
        }
        if (!result.Success) return (result, null);
        try
        {
            return (result, CompiledKeymap.Compile(result.Model!));
        }
        catch (Exception e)
        {
            // The loader validated the model, so this is a bug; still, a bad keymap must never stop the daemon.
            var error = new Diagnostic(DiagnosticSeverity.Error, new Core.Keymap.SourceLocation(path, 0, 0),
                $"the keymap could not be compiled: {e.Message}");
            return (new KeymapLoadResult(null, [.. result.Diagnostics, error]) { SourceFiles = result.SourceFiles }, null);
        }
    }

    /// <summary>A load that never produced its own result keeps watching the files the last one named.</summary>
    private KeymapLoadResult Failed(string path, string message) =>
        new(null, [new Diagnostic(DiagnosticSeverity.Error, new Core.Keymap.SourceLocation(path, 0, 0), message)])
        {
            SourceFiles = WatchedFiles,
        };

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";

    /// <summary>A broken keymap is logged once, not on every save of the same mistake (editors autosave).</summary>
    private void LogFailureOnce(string path, ReloadTrigger trigger, IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = string.Join("\n", diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
        if (text == _lastLoggedFailure)
        {
            _logger.LogDebug("Keymap {KeymapPath} still invalid {Trigger}", path, InWords(trigger));
            return;
        }
        _lastLoggedFailure = text;
        var running = _appliedContent is null ? "keys pass through unchanged until it is fixed" : "the previous keymap keeps running";
        var errors = diagnostics.Where(d => d.IsError).ToList();
        _logger.LogError("The keymap {Change} was rejected: {Errors} in {KeymapPath}; {Running}",
            trigger == ReloadTrigger.Startup ? "at start-up" : $"change ({InWords(trigger)})",
            errors.Count == 1 ? "1 error" : $"{errors.Count} errors", path, running);
        // One event per diagnostic: journald gives each line its own priority, and editors can jump to each.
        foreach (var error in errors) _logger.LogError("{Diagnostic}", error.ToString());
    }

    /// <summary>What made the daemon load, as the log says it.</summary>
    internal static string InWords(ReloadTrigger trigger) => trigger switch
    {
        ReloadTrigger.Startup => "at start-up",
        ReloadTrigger.FileChange => "after a save",
        ReloadTrigger.Signal => "on SIGHUP",
        ReloadTrigger.Request => "on `remapper reload`",
        _ => trigger.ToString(),
    };

    /// <summary>Watching the own keymap that does not exist yet is what makes creating it take effect.</summary>
    private static IReadOnlyList<string> WithFileToCreate(KeymapLocation location, IReadOnlyList<string> files) =>
        location.FileToCreate is { } create && !files.Contains(create) ? [.. files, create] : files;

    private void Publish(KeymapStatus status)
    {
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(status);
    }

    private bool SameFiles(IReadOnlyList<string> files) =>
        files.Count == WatchedFiles.Count && files.SequenceEqual(WatchedFiles, StringComparer.Ordinal);

    private void UpdateWatchedFiles(IReadOnlyList<string> files)
    {
        WatchedFiles = files.ToArray();
        WatchedFilesChanged?.Invoke(WatchedFiles);
    }

    /// <summary>
    /// The name and bytes of every file, one after the other (a missing or unreadable file as a marker and its error).
    /// Kept whole rather than hashed: keymaps are small (the reader is bounded), the comparison is exact, and a
    /// cryptographic hash would load OpenSSL into the daemon at start for nothing else.
    /// </summary>
    internal static byte[] SnapshotFiles(IReadOnlyList<string> files)
    {
        var snapshot = new MemoryStream();
        foreach (var file in files)
        {
            snapshot.Write(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
            // The loader's own bounded, non-blocking reader: a FIFO or a device named as an include must not hang here.
            byte[] bytes = KeymapFileReader.TryReadBytes(file, out var error) ?? System.Text.Encoding.UTF8.GetBytes("\0unreadable\0" + error);
            snapshot.Write(BitConverter.GetBytes(bytes.LongLength)); // each file's length first: no two file sets read alike
            snapshot.Write(bytes);
        }
        return snapshot.ToArray();
    }
}
