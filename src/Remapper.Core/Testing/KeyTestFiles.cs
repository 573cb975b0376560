namespace Remapper.Core.Testing;

/// <summary>Finds <c>.keytest</c> files: a file as given, a folder searched recursively, in a stable order.</summary>
public static class KeyTestFiles
{
    public static IReadOnlyList<string> Under(string folder) =>
        Directory.EnumerateFiles(folder, "*" + KeyTestParser.FileExtension, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
}
