using System.Text;
using Remapper.Core.Keymap;

namespace Remapper.Core.Tests.Keymap;

/// <summary>LoadFile turns every way a file can be unusable into one diagnostic naming the file, never an exception.</summary>
public sealed class KeymapFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Diagnostic FileError(string path, string text)
    {
        var result = KeymapLoader.LoadFile(path);
        Assert.Null(result.Model);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(new SourceLocation(path, 0, 0), error.Location);
        Assert.Contains(text, error.Message);
        return error;
    }

    [Fact]
    public void Valid_file_loads_with_its_path_in_the_model()
    {
        var path = _dir.Write("keymap.toml", "[remap]\ncaps_lock = \"escape\"\n");
        var result = KeymapLoader.LoadFile(path);
        Assert.True(result.Success);
        Assert.Equal(path, result.Model!.SourcePath);
        Assert.Equal(path, result.Model.Remap[0].Location.File);
    }

    [Fact]
    public void Missing_file() => FileError(Path.Combine(_dir.Path, "nope.toml"), "file not found");

    [Fact]
    public void Directory_is_not_a_keymap() => FileError(_dir.Path, "directory");

    [Fact]
    public void Unreadable_file_says_permission_denied()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = _dir.Write("secret.toml", "[remap]\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            File.ReadAllBytes(path);
            return; // running as root: permissions cannot be denied here, nothing to test
        }
        catch (UnauthorizedAccessException)
        {
        }
        FileError(path, "permission denied");
    }

    [Fact]
    public void File_over_one_mebibyte_is_refused()
    {
        var path = _dir.Write("big.toml", "#" + new string('x', 1024 * 1024) + "\n");
        FileError(path, "too big");
    }

    [Fact]
    public void File_with_nul_bytes_is_not_text()
    {
        var path = _dir.WriteBytes("bin.toml", [0x5B, 0x00, 0x5D]);
        FileError(path, "not a text file");
    }

    [Fact]
    public void File_with_invalid_utf8_is_not_text()
    {
        var path = _dir.WriteBytes("latin1.toml", Encoding.Latin1.GetBytes("# caf\u00e9\n"));
        FileError(path, "not a text file (invalid UTF-8");
    }

    [Fact]
    public void Utf8_byte_order_mark_is_ignored_and_positions_stay_right()
    {
        var path = _dir.WriteBytes("bom.toml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("[remap]\ncaps_lock = \"escpe\"\n")]);
        var error = Assert.Single(KeymapLoader.LoadFile(path).Diagnostics);
        Assert.Equal(new SourceLocation(path, 2, 13), error.Location);
    }

    [Fact]
    public void Device_file_that_never_ends_is_refused_not_read_forever()
    {
        if (!File.Exists("/dev/zero")) return;
        var error = Assert.Single(KeymapLoader.LoadFile("/dev/zero").Diagnostics);
        Assert.True(error.IsError);
    }
}
