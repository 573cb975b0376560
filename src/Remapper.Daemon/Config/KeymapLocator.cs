namespace Remapper.Daemon.Config;

/// <summary>
/// Picks the keymap file: <c>--config</c>, then <c>$REMAPPER_CONFIG</c>, then <c>/etc/remapper/config.toml</c> for
/// the system service (root or <c>--system</c>), <c>$XDG_CONFIG_HOME/remapper/config.toml</c> (or
/// <c>~/.config/…</c>) for a user run, then the shipped default. Explicit choices win even when the file does not
/// exist yet: the user named it, so the daemon reports it missing and picks it up once it is created.
/// </summary>
public sealed class KeymapLocator(Func<string, string?> getEnvironment, Func<string, bool> fileExists, string baseDirectory)
{
    public const string SystemPath = "/etc/remapper/config.toml";
    public const string SharedDefaultPath = "/usr/share/remapper/default.toml";

    public static KeymapLocator ForThisProcess() =>
        new(Environment.GetEnvironmentVariable, File.Exists, AppContext.BaseDirectory);

    public KeymapLocation Locate(string? commandLinePath, bool systemService)
    {
        var searched = new List<string>();
        if (!string.IsNullOrWhiteSpace(commandLinePath))
            return new KeymapLocation(Path.GetFullPath(commandLinePath), KeymapOrigin.CommandLine, "from --config", [commandLinePath]);

        var fromEnv = getEnvironment("REMAPPER_CONFIG");
        if (!string.IsNullOrWhiteSpace(fromEnv))
            return new KeymapLocation(Path.GetFullPath(fromEnv), KeymapOrigin.Environment, "from $REMAPPER_CONFIG", [fromEnv]);

        if (systemService)
        {
            searched.Add(SystemPath);
            if (fileExists(SystemPath))
                return new KeymapLocation(SystemPath, KeymapOrigin.System, "the system service's keymap", searched);
        }
        else if (UserPath() is { } user)
        {
            searched.Add(user);
            if (fileExists(user))
                return new KeymapLocation(user, KeymapOrigin.User, "your keymap", searched);
        }

        foreach (var shipped in ShippedCandidates())
        {
            searched.Add(shipped);
            if (fileExists(shipped))
                return new KeymapLocation(shipped, KeymapOrigin.ShippedDefault,
                    $"the shipped default, because {searched[0]} does not exist", searched);
        }
        return new KeymapLocation(null, KeymapOrigin.None,
            $"no keymap found (looked at {string.Join(", ", searched)}); keys pass through unchanged", searched);
    }

    private string? UserPath()
    {
        var xdg = getEnvironment("XDG_CONFIG_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "remapper", "config.toml");
        var home = getEnvironment("HOME");
        return string.IsNullOrWhiteSpace(home) ? null : Path.Combine(home, ".config", "remapper", "config.toml");
    }

    /// <summary>
    /// Next to the binary (a publish folder), then PREFIX/share/remapper for a binary in PREFIX/bin (install.sh's
    /// /usr/local), then where distribution packages put it.
    /// </summary>
    private IEnumerable<string> ShippedCandidates()
    {
        yield return Path.Combine(baseDirectory, "config", "default.toml");
        var prefix = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(baseDirectory));
        if (!string.IsNullOrEmpty(prefix))
        {
            var shared = Path.Combine(prefix, "share", "remapper", "default.toml");
            if (shared != SharedDefaultPath) yield return shared;
        }
        yield return SharedDefaultPath;
    }
}
