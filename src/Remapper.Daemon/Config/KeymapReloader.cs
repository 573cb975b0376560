using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Backend;

namespace Remapper.Daemon.Config;

/// <summary>
/// Loads the keymap transactionally: parse and compile here (never on the event loop), then hand the compiled
/// keymap to the backend, which swaps it on its loop thread. An invalid keymap is rejected as a whole; the old one
/// keeps running and the diagnostics stay in <see cref="Status"/> until the next good load.
/// </summary>
public sealed class KeymapReloader
{
    private const long MaxHashedBytes = 2 * 1024 * 1024;
    private const string EmptyKeymapName = "<built-in empty keymap>";

    private readonly ILogger _logger;
    private readonly Func<string, KeymapLoadResult> _load;
    private readonly Lock _gate = new();
    private IRemapBackend? _backend;
    private byte[]? _appliedHash;
    private string? _lastLoggedFailure;
    private KeymapStatus _status;
    private readonly Func<KeymapLocation>? _locate;

    /// <param name="locate">
    /// The locator's rule, asked again before every reload: a user keymap created (or removed) while the shipped
    /// default runs replaces it on the next change, SIGHUP or <c>remapper reload</c>.
    /// </param>
    public KeymapReloader(KeymapLocation location, ILogger logger, Func<string, KeymapLoadResult>? load = null,
        Func<KeymapLocation>? locate = null)
    {
        _logger = logger;
        _load = load ?? KeymapLoader.LoadFile;
        _locate = locate;
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
            if (trigger == ReloadTrigger.FileChange && _appliedHash is not null && _status.Valid
                && HashFiles(WatchedFiles).AsSpan().SequenceEqual(_appliedHash))
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
        if (trigger != ReloadTrigger.Startup && _locate?.Invoke() is { } found && found.Path != _status.Location.Path)
        {
            _logger.LogInformation("Switching to keymap {KeymapPath} ({KeymapReason})", found.Path ?? "none", found.Reason);
            _status = _status with { Location = found };
            _appliedHash = null;
            UpdateWatchedFiles(WithFileToCreate(found, found.Path is null ? [] : [found.Path]));
        }
        var location = _status.Location;
        var now = DateTimeOffset.UtcNow;
        if (location.Path is null)
        {
            diagnostics = [];
            Publish(_status with { LastAttemptUtc = now });
            return null;
        }

        var hash = HashFiles(WatchedFiles);
        var result = _load(location.Path);
        var named = WithFileToCreate(location, result.SourceFiles.Count > 0 ? result.SourceFiles : [location.Path]);
        // Hash the files this load named: the include set may just have changed.
        if (!SameFiles(named))
        {
            UpdateWatchedFiles(named);
            hash = HashFiles(WatchedFiles);
        }
        diagnostics = result.Diagnostics;

        CompiledKeymap? compiled = null;
        string? compileError = null;
        if (result.Success)
        {
            try
            {
                compiled = CompiledKeymap.Compile(result.Model!);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
            {
                // The loader validated the model, so this is a bug; still, a bad keymap must never stop the daemon.
                compileError = $"the keymap could not be compiled: {e.Message}";
            }
        }

        if (compiled is null)
        {
            if (compileError is not null)
                diagnostics = [.. diagnostics, new Diagnostic(DiagnosticSeverity.Error, new Core.Keymap.SourceLocation(location.Path, 0, 0), compileError)];
            LogFailureOnce(location.Path, trigger, diagnostics);
            Publish(_status with { Valid = false, Diagnostics = diagnostics, LastAttemptUtc = now });
            return null;
        }

        _appliedHash = hash;
        if (_lastLoggedFailure is not null || trigger != ReloadTrigger.Startup)
            _logger.LogInformation("Keymap {KeymapPath} loaded {Trigger}{Fixed}", location.Path, InWords(trigger),
                _lastLoggedFailure is not null ? "; the previous error is fixed" : "");
        else
            _logger.LogInformation("Keymap {KeymapPath} loaded", location.Path);
        _lastLoggedFailure = null;
        foreach (var warning in diagnostics.Where(d => !d.IsError))
            _logger.LogWarning("{Diagnostic}", warning.ToString());
        Publish(_status with
        {
            Valid = true,
            Diagnostics = diagnostics,
            RunningSinceUtc = now,
            LastAttemptUtc = now,
            Reloads = _status.Reloads + (trigger == ReloadTrigger.Startup ? 0 : 1),
        });
        return compiled;
    }

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
        var running = _appliedHash is null ? "keys pass through unchanged until it is fixed" : "the previous keymap keeps running";
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

    /// <summary>One hash over the bytes of every file (a missing or unreadable file hashes as a marker).</summary>
    internal static byte[] HashFiles(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
            try
            {
                // Bounded like the loader's read: a keymap path pointing at a device must not hang the daemon.
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var buffer = new byte[16 * 1024];
                long total = 0;
                int n;
                while (total <= MaxHashedBytes && (n = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    total += n;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData("\0missing\0"u8);
            }
        }
        return hash.GetHashAndReset();
    }
}
