using System.Reflection;

namespace Remapper.Daemon;

/// <summary>Facts about this daemon process that status reports.</summary>
/// <param name="SystemService">Running as the system service (<c>--system</c>) rather than a user's foreground run.</param>
public sealed record DaemonInfo(string Version, int Pid, DateTimeOffset StartedAt, string SocketPath, bool SystemService)
{
    /// <summary>packaging/VERSION, built in (Remapper.Daemon.csproj): the one version every command and the .deb show.</summary>
    public static string ThisVersion =>
        typeof(DaemonInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RemapperVersion")?.Value
        ?? "0.0.0";

    public static DaemonInfo ForThisProcess(string socketPath, bool systemService) =>
        new(ThisVersion, Environment.ProcessId, DateTimeOffset.UtcNow, socketPath, systemService);
}
