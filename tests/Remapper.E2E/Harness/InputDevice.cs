using System.Globalization;

namespace Remapper.E2E.Harness;

/// <summary>One line of <c>e2e-guest list</c>: an evdev node and what sysfs and the node itself say about it.</summary>
public sealed record InputDevice(
    string Node, ushort Bus, ushort Vendor, ushort Product, string Name, string Uniq, string Phys,
    IReadOnlyList<string> Leds, IReadOnlyList<string> Pressed)
{
    public const ushort BusUsb = 0x03;
    public const ushort BusBluetooth = 0x05;
    public const ushort BusI8042 = 0x11;
    public const ushort BusI2c = 0x18;
    public const ushort BusSpi = 0x1C;

    public static InputDevice Parse(string line)
    {
        string[] fields = line.Split('\t');
        var values = fields.Skip(1)
            .Select(f => f.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);
        return new InputDevice(
            fields[0], Hex(values["bus"]), Hex(values["vendor"]), Hex(values["product"]), values["name"],
            values.GetValueOrDefault("uniq", ""), values.GetValueOrDefault("phys", ""),
            List(values.GetValueOrDefault("leds", "")), List(values.GetValueOrDefault("pressed", "")));
    }

    private static ushort Hex(string text) =>
        ushort.Parse(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> List(string text) =>
        text is "" or "?" ? [] : text.Split(',');

    public override string ToString() => $"{Node} bus=0x{Bus:x4} {Vendor:x4}:{Product:x4} \"{Name}\"";
}
