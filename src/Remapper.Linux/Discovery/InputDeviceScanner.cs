using System.Globalization;

namespace Remapper.Linux.Discovery;

/// <summary>
/// Enumerates <c>/sys/class/input/event*</c>. The sysfs and /dev roots are injectable so tests run on fake
/// trees; a device that disappears or has unreadable attributes mid-scan is skipped or filled with blanks,
/// never an exception.
/// </summary>
public sealed class InputDeviceScanner(string sysRoot = "/sys", string devRoot = "/dev")
{
    public string SysRoot { get; } = sysRoot;
    public string DevRoot { get; } = devRoot;

    public string InputClassDir => Path.Combine(SysRoot, "class", "input");
    public string DevInputDir => Path.Combine(DevRoot, "input");

    public IReadOnlyList<InputDeviceInfo> Scan()
    {
        var result = new List<InputDeviceInfo>();
        string[] entries;
        try { entries = Directory.GetFileSystemEntries(InputClassDir, "event*"); }
        catch (IOException) { return result; }
        catch (UnauthorizedAccessException) { return result; }

        Array.Sort(entries, CompareEventNumbers);
        foreach (var entry in entries)
        {
            var info = Read(Path.GetFileName(entry));
            if (info is not null) result.Add(info);
        }
        return result;
    }

    /// <summary>Reads one device by its event name (<c>event3</c>); null when it is not there (any more).</summary>
    public InputDeviceInfo? Read(string eventName)
    {
        var eventDir = Path.Combine(InputClassDir, eventName);
        var inputDir = Path.Combine(eventDir, "device");
        if (!Directory.Exists(inputDir)) return null;

        return new InputDeviceInfo(
            eventName,
            Path.Combine(DevInputDir, eventName),
            ReadText(Path.Combine(inputDir, "name")),
            ReadText(Path.Combine(inputDir, "phys")),
            ReadText(Path.Combine(inputDir, "uniq")),
            ReadHex(Path.Combine(inputDir, "id", "bustype")),
            ReadHex(Path.Combine(inputDir, "id", "vendor")),
            ReadHex(Path.Combine(inputDir, "id", "product")),
            ReadHex(Path.Combine(inputDir, "id", "version")),
            CapabilityBitmap.Parse(ReadText(Path.Combine(inputDir, "capabilities", "ev"))),
            CapabilityBitmap.Parse(ReadText(Path.Combine(inputDir, "capabilities", "key"))),
            ReadBytes(Path.Combine(inputDir, "device", "report_descriptor")));
    }

    private static int CompareEventNumbers(string a, string b) => EventNumber(a).CompareTo(EventNumber(b));

    private static int EventNumber(string path) =>
        int.TryParse(Path.GetFileName(path).AsSpan("event".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path).TrimEnd('\n', '\r', ' ', '\0'); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private static ushort ReadHex(string path) =>
        ushort.TryParse(ReadText(path), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) ? v : (ushort)0;

    private static byte[]? ReadBytes(string path)
    {
        try { return File.Exists(path) ? File.ReadAllBytes(path) : null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
