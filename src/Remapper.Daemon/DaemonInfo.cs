using System.Reflection;

namespace Remapper.Daemon;

/// <summary>Facts about this daemon process that status reports.</summary>
/// <param name="SystemService">Running as the system service (root or <c>--system</c>) rather than a user's foreground run.</param>
public sealed record DaemonInfo(string Version, int Pid, DateTimeOffset StartedAt, string SocketPath, bool SystemService)
{
    public static string ThisVersion =>
        typeof(DaemonInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(DaemonInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static DaemonInfo ForThisProcess(string socketPath, bool systemService) =>
        new(ThisVersion, Environment.ProcessId, DateTimeOffset.UtcNow, socketPath, systemService);
}
