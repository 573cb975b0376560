namespace Remapper.Ipc;

/// <summary>
/// Where the daemon listens and the CLI connects: <c>--socket</c>, else <c>/run/remapper/remapper.sock</c> for the system
/// service (<c>/var/run/remapper/remapper.sock</c> on macOS, which has no /run), else <c>$XDG_RUNTIME_DIR/remapper.sock</c> for a user run. Clients without <c>--socket</c> try the user
/// socket first, then the system one, so <c>remapper status</c> finds whichever daemon runs.
/// </summary>
public static class SocketLocator
{
    public static readonly string SystemPath = OperatingSystem.IsMacOS() ? "/var/run/remapper/remapper.sock" : "/run/remapper/remapper.sock";
    public const string FileName = "remapper.sock";

    public static string ForDaemon(string? explicitPath, bool systemService, Func<string, string?>? env = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return Path.GetFullPath(explicitPath);
        if (systemService) return SystemPath;
        return UserPath(env ?? Environment.GetEnvironmentVariable) ?? SystemPath;
    }

    /// <summary>The sockets a client tries, in order.</summary>
    public static IReadOnlyList<string> ForClient(string? explicitPath, Func<string, string?>? env = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return [Path.GetFullPath(explicitPath)];
        var user = UserPath(env ?? Environment.GetEnvironmentVariable);
        return user is null ? [SystemPath] : [user, SystemPath];
    }

    /// <summary>
    /// $XDG_RUNTIME_DIR, else /run/user/UID: both private to the user. Never a shared directory like /tmp, where
    /// another user could create the socket first and impersonate the daemon.
    /// </summary>
    private static string? UserPath(Func<string, string?> env)
    {
        var runtime = env("XDG_RUNTIME_DIR");
        if (!string.IsNullOrWhiteSpace(runtime) && Path.IsPathRooted(runtime)) return Path.Combine(runtime, FileName);
        var uid = ProcessIdentity.geteuid();
        var fallback = $"/run/user/{uid}";
        return uid != 0 && Directory.Exists(fallback) ? Path.Combine(fallback, FileName) : null;
    }
}
