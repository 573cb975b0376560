using System.Text;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Reads a keymap file as text, turning every way that can fail (missing, a directory, no permission,
/// too big, binary) into a message instead of an exception: the daemon reloads on every save.
/// </summary>
internal static class KeymapFileReader
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with <paramref name="error"/> saying why not.</summary>
    public static string? TryRead(string path, out string error)
    {
        error = "";
        try
        {
            if (Directory.Exists(path))
            {
                error = "this is a directory, not a keymap file";
                return null;
            }
            if (!File.Exists(path))
            {
                error = "file not found";
                return null;
            }
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                // Read at most one byte past the limit: the length of /dev/zero or a growing file is no guide.
                bytes = new byte[MaxBytes + 1];
                var total = 0;
                int n;
                while (total < bytes.Length && (n = stream.Read(bytes, total, bytes.Length - total)) > 0) total += n;
                if (total > MaxBytes)
                {
                    error = $"file is too big for a keymap (more than {MaxBytes / 1024} KiB)";
                    return null;
                }
                Array.Resize(ref bytes, total);
            }
            return Decode(bytes, out error);
        }
        catch (UnauthorizedAccessException)
        {
            error = "permission denied: cannot read this file (check its owner and mode)";
        }
        catch (IOException e)
        {
            error = $"cannot read this file: {e.Message}";
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            error = $"cannot open this path: {e.Message}";
        }
        return null;
    }

    public static string? Decode(byte[] bytes, out string error)
    {
        error = "";
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            error = $"not a text file (NUL byte at offset {nul})";
            return null;
        }
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            error = $"not a text file (invalid UTF-8 at byte {e.Index})";
            return null;
        }
    }
}
