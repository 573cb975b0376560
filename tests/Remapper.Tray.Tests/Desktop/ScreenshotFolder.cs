namespace Remapper.Tray.Tests.Desktop;

/// <summary>
/// Where the desktop tests put their screenshots: a scratch folder, so a test run leaves the work tree clean; or,
/// with REMAPPER_UPDATE_SCREENSHOTS=1, docs/images/ (the pictures the README shows).
/// </summary>
internal static class ScreenshotFolder
{
    public static string Get()
    {
        var folder = Environment.GetEnvironmentVariable("REMAPPER_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "images")
            : Path.Combine(Path.GetTempPath(), "remapper-tray-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Remapper.sln"))) return dir.FullName;
        throw new InvalidOperationException("Remapper.sln not found above " + AppContext.BaseDirectory);
    }
}
