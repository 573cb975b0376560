namespace Remapper.Cli;

/// <summary>
/// Finds the shipped config/default.toml: next to the executable (installed), in the source tree above it
/// (running from a build), or in /usr/share/remapper (distribution packages).
/// </summary>
internal static class ShippedKeymap
{
    public const string SystemPath = "/usr/share/remapper/default.toml";

    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "default.toml");
            if (File.Exists(candidate)) return candidate;
        }
        return File.Exists(SystemPath) ? SystemPath : null;
    }
}
