namespace Remapper.Cli;

/// <summary>
/// The commented starter keymap <c>remapper init</c> and <c>remapper edit</c> write: the shipped default, built into
/// the binary, with a first line saying where it came from. Never written over an existing file.
/// </summary>
internal static class StarterKeymap
{
    public static string Text()
    {
        using var stream = typeof(StarterKeymap).Assembly.GetManifestResourceStream("starter.toml")
            ?? throw new InvalidOperationException("the starter keymap is missing from the binary");
        using var reader = new StreamReader(stream);
        return "# Written by `remapper init` from the shipped default. It is yours now: edit it, and the running\n" +
               "# daemon picks up every saved change (`remapper status` shows which keymap runs).\n#\n" + reader.ReadToEnd();
    }

    /// <summary>Writes the starter to <paramref name="path"/> unless something is there; false with a reason when not written.</summary>
    public static bool TryWrite(string path, out string problem)
    {
        problem = "";
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            // CreateNew: even a file created between a check and the write is never overwritten.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(false));
            writer.Write(Text());
            return true;
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            problem = $"{path} already exists; nothing was written (`remapper edit` opens it)";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot write {path}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}";
            return false;
        }
    }
}
