namespace Remapper.Daemon.Config;

/// <summary>
/// The one rule every command uses to pick the keymap file (run, status, check, doctor, devices, reload, tray, init,
/// edit): <c>--config</c>, then <c>$REMAPPER_CONFIG</c>, then <c>/etc/remapper/config.toml</c> for the system service
/// (<c>--system</c>, never guessed from the uid) or <c>$XDG_CONFIG_HOME/remapper/config.toml</c> (else
/// <c>~/.config/…</c>) for everyone else, then the shipped default. Explicit choices win even when the file does not
/// exist yet: the user named it, so the daemon reports it missing and picks it up once it is created.
/// </summary>
public sealed class KeymapLocator(Func<string, string?> getEnvironment, Func<string, bool> fileExists, string baseDirectory)
{
    public const string SystemPath = "/etc/remapper/config.toml";
    public const string SharedDefaultPath = "/usr/share/remapper/default.toml";

    /// <summary>Marks the root of a source checkout, so a build run from it uses the checkout's config/default.toml.</summary>
    private const string SourceTreeMarker = "Remapper.sln";

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

        var own = OwnKeymapPath(systemService);
        if (own is not null)
        {
            searched.Add(own);
            if (fileExists(own))
                return systemService
                    ? new KeymapLocation(own, KeymapOrigin.System, "the system service's keymap", searched)
                    : new KeymapLocation(own, KeymapOrigin.User, "your keymap", searched);
        }

        foreach (var shipped in ShippedCandidates())
        {
            searched.Add(shipped);
            if (fileExists(shipped))
                return new KeymapLocation(shipped, KeymapOrigin.ShippedDefault,
                    own is not null ? $"the shipped default, because {own} does not exist" : "the shipped default", searched, own);
        }
        return new KeymapLocation(null, KeymapOrigin.None,
            $"no keymap found (looked at {string.Join(", ", searched)}); keys pass through unchanged", searched, own);
    }

    /// <summary>
    /// The file a user (or, for the system service, the administrator) edits: what <c>remapper init</c> writes and
    /// <c>remapper edit</c> opens. Null only for a user run without <c>$HOME</c> and <c>$XDG_CONFIG_HOME</c>.
    /// </summary>
    public string? OwnKeymapPath(bool systemService)
    {
        if (systemService) return SystemPath;
        var xdg = getEnvironment("XDG_CONFIG_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "remapper", "config.toml");
        var home = getEnvironment("HOME");
        return string.IsNullOrWhiteSpace(home) ? null : Path.Combine(home, ".config", "remapper", "config.toml");
    }

    /// <summary>The shipped default keymap alone (the starter <c>remapper init</c> copies), or null when it is not installed.</summary>
    public string? ShippedDefault() => ShippedCandidates().FirstOrDefault(fileExists);

    /// <summary>
    /// The checkout a build runs from (so editing config/default.toml there is what runs, never a copy in bin/), next to
    /// the binary (a publish folder), PREFIX/share/remapper for a binary in PREFIX/bin
    /// (install.sh), then where distribution packages put it.
    /// </summary>
    private IEnumerable<string> ShippedCandidates()
    {
        var start = Path.TrimEndingDirectorySeparator(baseDirectory);
        for (var dir = Path.GetDirectoryName(start); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (fileExists(Path.Combine(dir, SourceTreeMarker)))
            {
                yield return Path.Combine(dir, "config", "default.toml");
                break;
            }
        }
        yield return Path.Combine(start, "config", "default.toml");
        var prefix = Path.GetDirectoryName(start);
        if (!string.IsNullOrEmpty(prefix))
        {
            var shared = Path.Combine(prefix, "share", "remapper", "default.toml");
            if (shared != SharedDefaultPath) yield return shared;
        }
        yield return SharedDefaultPath;
    }
}
