using Microsoft.Extensions.Logging;

namespace Remapper.Daemon.Config;

/// <summary>
/// Calls back (debounced) when the keymap file or one of its includes changes. It watches the DIRECTORIES, not the
/// files: editors save by writing a temp file and renaming it over the original, by truncating and rewriting, or by
/// deleting and recreating — a watch on the file itself would die with the first of those.
/// </summary>
public sealed class KeymapWatcher : IDisposable
{
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(150);

    private readonly Action _changed;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
    private readonly Timer _retry;
    private bool _disposed;

    /// <summary>How often folders that did not exist are looked for again.</summary>
    public static readonly TimeSpan MissingDirectoryRetry = TimeSpan.FromSeconds(2);

    public KeymapWatcher(Action changed, ILogger logger, TimeSpan? debounce = null)
    {
        _changed = changed;
        _logger = logger;
        _debounce = debounce ?? DefaultDebounce;
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        _retry = new Timer(_ => RetryMissing(), null, Timeout.Infinite, Timeout.Infinite);
    }

    private void RetryMissing()
    {
        string[] files;
        lock (_gate)
        {
            if (_disposed || _missing.Count == 0) return;
            files = _files.ToArray();
        }
        Watch(files);
    }

    /// <summary>Replaces the set of watched files (full paths).</summary>
    public void Watch(IEnumerable<string> files)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _files = new HashSet<string>(files.Select(Path.GetFullPath), StringComparer.Ordinal);
            var directories = _files.Select(f => Path.GetDirectoryName(f)!).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
            _missing.IntersectWith(directories);
            foreach (var gone in _watchers.Keys.Where(d => !directories.Contains(d)).ToList())
            {
                _watchers[gone].Dispose();
                _watchers.Remove(gone);
            }
            foreach (var directory in directories.Where(d => !_watchers.ContainsKey(d)))
            {
                if (!Directory.Exists(directory))
                {
                    // e.g. --config ~/.config/remapper/config.toml before that folder exists: look again later,
                    // and load the keymap once its folder appears.
                    if (_missing.Add(directory))
                        _logger.LogInformation("{Directory} does not exist yet; looking for it every {Seconds} s to watch the keymap there", directory, MissingDirectoryRetry.TotalSeconds);
                    continue;
                }
                if (_missing.Remove(directory)) Schedule();
                try
                {
                    _watchers[directory] = Create(directory);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    // Usually the inotify watch limit; reload on SIGHUP or `remapper reload` still works.
                    _logger.LogWarning("Cannot watch {Directory} for keymap changes: {Error}", directory, e.Message);
                }
            }
            _retry.Change(_missing.Count > 0 ? MissingDirectoryRetry : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private FileSystemWatcher Create(string directory)
    {
        var watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => OnEvent(e.FullPath);
        watcher.Created += (_, e) => OnEvent(e.FullPath);
        watcher.Deleted += (_, e) => OnEvent(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            OnEvent(e.FullPath);
            OnEvent(e.OldFullPath);
        };
        // Overflow: we may have missed our file's event, so reload to be sure (a no-op save is skipped by hash).
        watcher.Error += (_, _) => Schedule();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnEvent(string path)
    {
        bool ours;
        lock (_gate) ours = _files.Contains(path);
        if (ours) Schedule();
    }

    /// <summary>Every event restarts the quiet period: one reload per save, after the editor is done.</summary>
    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed) _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        try
        {
            _changed();
        }
        catch (Exception e)
        {
            // The reloader reports bad keymaps itself; anything here is a bug, and must not kill the timer thread.
            _logger.LogError(e, "Reloading after a keymap change failed");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _timer.Dispose();
            _retry.Dispose();
            foreach (var w in _watchers.Values) w.Dispose();
            _watchers.Clear();
        }
    }
}
