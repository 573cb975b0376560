using System.Text;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Cli;

/// <summary>
/// Reads a user-named text file, turning every way it can go wrong (missing, a folder, no permission,
/// too big, not text) into a one-line message instead of an exception.
/// </summary>
internal static class TextFiles
{
    /// <summary>The keymap loader's limit: `check` and the daemon must agree on what is too big.</summary>
    public const long MaxBytes = KeymapFileReader.MaxBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(string path, out string text, out string error)
    {
        text = "";
        error = "";
        try
        {
            if (Directory.Exists(path)) { error = $"'{path}' is a folder, not a file"; return false; }
            if (!Path.Exists(path)) { error = $"'{path}' does not exist"; return false; }

            // The loader's bounded reader: a FIFO, /dev/stdin or /dev/zero is refused at once, not read to the end.
            var bytes = KeymapFileReader.TryReadBytes(path, out var readError);
            if (bytes is null) { error = $"cannot read '{path}': {readError}"; return false; }
            var nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0) { error = $"'{path}' is not a text file (binary data at byte {nul})"; return false; }
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                error = $"'{path}' is not a text file (it is not valid UTF-8)";
                return false;
            }
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            error = $"cannot read '{path}': permission denied";
            return false;
        }
        catch (IOException e)
        {
            error = $"cannot read '{path}': {e.Message}";
            return false;
        }
    }
}
