using Remapper.Core.Keymap;
using Remapper.Daemon.Config;
using Remapper.Daemon.Hosting;
using Remapper.Linux.Probe;

namespace Remapper.Cli;

/// <summary>
/// The keymap `devices` and `doctor` judge keyboards by: the one `remapper run` would use (same search order),
/// or the one given with --config.
/// </summary>
internal static class CommandKeymap
{
    /// <summary>
    /// Null when the file has errors; <paramref name="check"/> says what happened either way. No keymap at all gives
    /// an empty one (every key passes through, no keyboard ignored).
    /// </summary>
    public static KeymapModel? TryLoad(string? explicitPath, out KeymapCheck check)
    {
        var location = KeymapLocator.ForThisProcess().Locate(explicitPath, systemService: new DaemonOptions().IsSystemService);
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
