using System.CommandLine;
using Remapper.Core.Keymap;
using Remapper.Daemon.Config;
using Remapper.Linux.Probe;

namespace Remapper.Cli;

/// <summary>
/// <c>--config PATH</c> and <c>--system</c> for every command that works on "the keymap" (check, doctor, devices, init,
/// edit): the same rule as <c>remapper run</c> (<see cref="KeymapLocator"/>), so every command names the same file.
/// </summary>
internal sealed class CommandKeymap
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The keymap file (default: $REMAPPER_CONFIG, then ~/.config/remapper/config.toml, or " +
                      "/etc/remapper/config.toml with --system, then the shipped default)",
        HelpName = "PATH",
    };

    public Option<bool> System { get; } = new("--system")
    {
        Description = "The system service's keymap (/etc/remapper/config.toml) instead of your own",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(System);
    }

    public KeymapLocation Locate(ParseResult parse) => Locate(parse.GetValue(Config), parse.GetValue(System));

    public static KeymapLocation Locate(string? explicitPath, bool system) =>
        KeymapLocator.ForThisProcess().Locate(explicitPath, system);

    /// <summary>
    /// Null when the file has errors; <paramref name="check"/> says what happened either way. No keymap at all gives
    /// an empty one (every key passes through, no keyboard ignored).
    /// </summary>
    public static KeymapModel? TryLoad(KeymapLocation location, out KeymapCheck check)
    {
        if (location.Path is null)
        {
            check = new KeymapCheck(null, true, []);
            return new KeymapModel("", 1, new KeymapSettings(), [], [], [], []);
        }
        var result = KeymapLoader.LoadFile(location.Path);
        check = new KeymapCheck(location.Path, result.Success, [.. result.Diagnostics.Select(d => d.ToString())]);
        return result.Success ? result.Model : null;
    }
}
