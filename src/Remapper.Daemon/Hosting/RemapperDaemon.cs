using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Remapper.Backend;
using Serilog;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// Builds and runs the daemon on the generic host: Serilog, systemd integration (Type=notify READY once
/// <see cref="DaemonService"/> started, STOPPING on shutdown), the loop watchdog. <c>remapper run</c> calls
/// <see cref="RunAsync"/> with the platform's <see cref="BackendFactory"/>.
/// </summary>
public static class RemapperDaemon
{
    public static IHost Build(DaemonOptions options, BackendFactory backendFactory, ISystemdNotify? notifier = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "remapper" });
        var logger = DaemonLogging.Create(options);
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSystemd(); // no-op unless started by systemd
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(backendFactory);
        builder.Services.AddSingleton<ISystemdNotify>(_ => notifier ?? new SystemdNotifier());
        builder.Services.AddSingleton<DaemonService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DaemonService>());
        builder.Services.AddHostedService(sp => new LoopWatchdog(
            sp.GetRequiredService<ISystemdNotify>(),
            () => sp.GetRequiredService<DaemonService>().Backend,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LoopWatchdog>>()));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        return builder.Build();
    }

    /// <summary><c>remapper run: internal error: Type: message</c>, on one line whatever the message holds.</summary>
    internal static string InternalErrorLine(Exception e) =>
        $"remapper run: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}";

    /// <summary>Runs until SIGTERM/SIGINT (or <paramref name="cancellation"/>); returns the process exit code.</summary>
    /// <param name="error">Where the one-line failure goes (default: stderr).</param>
    public static async Task<int> RunAsync(DaemonOptions options, BackendFactory backendFactory, CancellationToken cancellation = default,
        TextWriter? error = null)
    {
        error ??= Console.Error;
        IHost host;
        try
        {
            host = Build(options, backendFactory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"remapper run: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        using (host)
        {
            try
            {
                await host.RunAsync(cancellation);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                // Startup failures users can act on (socket in use, no permission, no output device): one line.
                await error.WriteLineAsync($"remapper run: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug: one line to paste into an issue (what failed, and where), never a stack trace; 70 as for
                // every command, because 3 means "no daemon running".
                await error.WriteLineAsync(InternalErrorLine(e));
                return ExitCodes.InternalError;
            }
        }
    }
}
