using Microsoft.Extensions.Logging;
using Remapper.Core.Engine;

namespace Remapper.Backend;

/// <summary>
/// Starts the platform backend with the first keymap. The returned task completes once the backend is up — the
/// virtual keyboard exists and the loop thread runs — because the host reports READY to systemd right after.
/// Throw to refuse to start (e.g. no output device at all); the message is logged and the daemon exits non-zero.
/// If the backend is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, it is disposed at shutdown.
/// </summary>
public delegate Task<IRemapBackend> BackendFactory(CompiledKeymap initialKeymap, ILoggerFactory loggers, CancellationToken cancellation);
