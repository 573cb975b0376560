using System.Text;

namespace Remapper.Linux.Tests.Support;

/// <summary>A throw-away /sys + /dev tree shaped like the kernel's, for discovery tests.</summary>
public sealed class FakeSysfs : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("remapper-sysfs-").FullName;
    public string Sys => Path.Combine(Root, "sys");
    public string Dev => Path.Combine(Root, "dev");

    public FakeSysfs() => Directory.CreateDirectory(Path.Combine(Dev, "input"));

    /// <summary>KEY_* codes of a full PC keyboard's letter rows plus space and enter.</summary>
    public static readonly int[] TypingKeys = [.. Enumerable.Range(1, 58)];

    public void AddDevice(int number, string name, ushort bus, ushort vendor, ushort product, string phys = "", string uniq = "",
        string? keyCaps = null, string evCaps = "120013", byte[]? reportDescriptor = null, bool createNode = true)
    {
        var input = Path.Combine(Sys, "class", "input", $"event{number}", "device");
        Directory.CreateDirectory(Path.Combine(input, "id"));
        Directory.CreateDirectory(Path.Combine(input, "capabilities"));
        File.WriteAllText(Path.Combine(input, "name"), name + "\n");
        File.WriteAllText(Path.Combine(input, "phys"), phys + "\n");
        File.WriteAllText(Path.Combine(input, "uniq"), uniq + "\n");
        File.WriteAllText(Path.Combine(input, "id", "bustype"), $"{bus:x4}\n");
        File.WriteAllText(Path.Combine(input, "id", "vendor"), $"{vendor:x4}\n");
        File.WriteAllText(Path.Combine(input, "id", "product"), $"{product:x4}\n");
        File.WriteAllText(Path.Combine(input, "id", "version"), "0111\n");
        File.WriteAllText(Path.Combine(input, "capabilities", "ev"), evCaps + "\n");
        File.WriteAllText(Path.Combine(input, "capabilities", "key"), (keyCaps ?? KeyCaps(TypingKeys)) + "\n");
        if (reportDescriptor is not null)
        {
            Directory.CreateDirectory(Path.Combine(input, "device"));
            File.WriteAllBytes(Path.Combine(input, "device", "report_descriptor"), reportDescriptor);
        }
        if (createNode) File.WriteAllText(Path.Combine(Dev, "input", $"event{number}"), "");
    }

    /// <summary>Formats key codes the way the kernel prints a bitmap in sysfs (most significant word first, no leading zero words).</summary>
    public static string KeyCaps(IEnumerable<int> codes)
    {
        var words = new ulong[12];
        foreach (var c in codes) words[c / 64] |= 1UL << (c % 64);
        int top = words.Length - 1;
        while (top > 0 && words[top] == 0) top--;
        var sb = new StringBuilder();
        for (int i = top; i >= 0; i--)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(words[i].ToString("x"));
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
