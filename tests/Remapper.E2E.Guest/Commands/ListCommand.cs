using System.Globalization;
using Remapper.E2E.Guest.Native;

namespace Remapper.E2E.Guest.Commands;

/// <summary>
/// <c>list</c>: every evdev node with its identity from sysfs, as tab-separated <c>key=value</c> fields with the
/// name last (names contain spaces). LEDs and held keys need the node open; when that fails the field says why.
/// </summary>
internal static class ListCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 0)
        {
            throw new GuestToolException("list takes no arguments");
        }
        if (!Directory.Exists("/sys/class/input"))
        {
            throw new GuestToolException("no /sys/class/input: this kernel has no input subsystem (is this the e2e guest?)");
        }
        var nodes = Directory.EnumerateDirectories("/sys/class/input", "event*")
            .Select(Path.GetFileName)
            .OrderBy(n => int.Parse(n!.AsSpan("event".Length), CultureInfo.InvariantCulture));
        foreach (string? eventName in nodes)
        {
            string device = $"/sys/class/input/{eventName}/device";
            string node = $"/dev/input/{eventName}";
            string state = StateCommand.Describe(node);
            Console.WriteLine(
                $"{node}\tbus=0x{Read(device, "id/bustype")}\tvendor=0x{Read(device, "id/vendor")}" +
                $"\tproduct=0x{Read(device, "id/product")}\t{state}\tuniq={Read(device, "uniq")}" +
                $"\tphys={Read(device, "phys")}\tname={Read(device, "name")}");
        }
        return 0;
    }

    private static string Read(string device, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(device, file)).Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
