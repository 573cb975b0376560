using System.Text;

namespace Remapper.Core.Keymap.Loading;

/// <summary>
/// Reads a keymap file as text, turning every way that can fail (missing, a directory, no permission,
/// too big, binary, not a regular file) into a message instead of an exception: the daemon reloads on every save.
/// The one bounded reader of the project: the loader, its includes, <c>remapper check</c>, <c>remapper test</c> and
/// the daemon's change detection all read through it, so they agree on what is too big.
/// </summary>
public static class KeymapFileReader
{
    /// <summary>The one size limit for a keymap (and a keymap test) file.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null with <paramref name="error"/> saying why not.</summary>
    public static string? TryRead(string path, out string error) =>
        TryReadBytes(path, out error) is { } bytes ? Decode(bytes, out error) : null;

    /// <summary>
    /// At most <see cref="MaxBytes"/> of a regular file, or null with <paramref name="error"/> saying why not. Never
    /// blocks: a FIFO, a terminal or a device is refused on sight, and nothing reads more than one byte past the limit.
    /// </summary>
    public static byte[]? TryReadBytes(string path, out string error)
    {
        error = "";
        try
        {
            if (path.Length == 0 || path.Contains('\0'))
            {
                error = "cannot open this path: it is empty or contains a NUL character";
                return null;
            }
            using var handle = RegularFileOpener.Open(path, out error);
            if (handle is null) return null;
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            // Sized by the file's length, but read to the end (or one byte past the limit): a growing file's length is
            // no guide, and a 1 MiB buffer per read would be most of what reloading a small keymap allocates.
            var bytes = new byte[(int)Math.Min(MaxBytes + 1L, Math.Max(4096L, SafeLength(stream) + 1))];
            var total = 0;
            int n;
            while ((n = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += n;
                if (total < bytes.Length) continue;
                if (bytes.Length > MaxBytes) break;
                Array.Resize(ref bytes, (int)Math.Min(MaxBytes + 1L, bytes.Length * 2L));
            }
            if (total > MaxBytes)
            {
                error = $"file is too big for a keymap (more than {MaxBytes / 1024} KiB)";
                return null;
            }
            Array.Resize(ref bytes, total);
            return bytes;
        }
        catch (FileNotFoundException)
        {
            error = "file not found";
        }
        catch (DirectoryNotFoundException)
        {
            error = "file not found";
        }
        catch (UnauthorizedAccessException)
        {
            error = Directory.Exists(path) ? "this is a directory, not a keymap file" : "permission denied: cannot read this file (check its owner and mode)";
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

    private static long SafeLength(FileStream stream)
    {
        try
        {
            return stream.CanSeek ? stream.Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
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
