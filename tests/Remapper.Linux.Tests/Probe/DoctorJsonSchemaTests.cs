using Remapper.Backend;
using System.Text.Json;
using Remapper.Core.Devices;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Tests.Probe;

/// <summary>
/// `remapper doctor --json` is read by scripts, so its shape is a promise (docs/doctor-json.md). This pins every
/// property path: changing the schema means changing this list and the document together, on purpose.
/// </summary>
public class DoctorJsonSchemaTests
{
    private static readonly string[] DocumentedPaths =
    [
        "status", "status.output", "status.output.chosen", "status.output.reason", "status.output.isProblem",
        "status.output.uhid", "status.output.uhid.node", "status.output.uhid.state", "status.output.uhid.detail", "status.output.uhid.fix",
        "status.output.uhid.access", "status.output.uhid.access.path", "status.output.uhid.access.ownerUid", "status.output.uhid.access.owner",
        "status.output.uhid.access.groupGid", "status.output.uhid.access.group", "status.output.uhid.access.mode", "status.output.uhid.access.modeText",
        "status.output.uhid.access.hasAcl", "status.output.uhid.access.user", "status.output.uhid.access.userInGroup",
        "status.output.uhid.access.userListedInGroup",
        "status.output.uinput", "status.output.uinput.node", "status.output.uinput.state", "status.output.uinput.detail",
        "status.keyboards[]", "status.keyboards[].identity", "status.keyboards[].identity.id", "status.keyboards[].identity.name",
        "status.keyboards[].identity.bus", "status.keyboards[].identity.vendorId", "status.keyboards[].identity.productId",
        "status.keyboards[].identity.phys", "status.keyboards[].identity.isBuiltIn",
        "status.keyboards[].devNode", "status.keyboards[].kind", "status.keyboards[].state", "status.keyboards[].detail",
        "status.keyboards[].fix", "status.keyboards[].errno", "status.keyboards[].isProblem",
        "status.keyboards[].holders[]", "status.keyboards[].holders[].pid", "status.keyboards[].holders[].name",
        "status.keyboards[].holders[].commandLine",
        "status.inputNote", "status.hasProblem", "status.paused", "status.activeLayers[]",
        "keymap", "keymap.path", "keymap.loaded", "keymap.diagnostics[]",
        "problems[]", "problems[].subject", "problems[].cause", "problems[].fix",
        "ok",
        "system[]", "system[].name", "system[].state", "system[].detail", "system[].fix",
    ];

    [Fact]
    public void Every_property_of_the_doctor_json_is_documented_and_nothing_documented_is_missing()
    {
        var access = new NodeAccess("/dev/uhid", 0, "root", 0, "root", 0x180, false, "alice", false, false);
        var output = new OutputStatus(OutputKind.Uinput, "uhid refused, uinput works",
            new OutputNodeStatus("/dev/uhid", OutputNodeState.NoPermission, "permission denied", "install the udev rule", access),
            new OutputNodeStatus("/dev/uinput", OutputNodeState.Ok, "writable"));
        var identity = new KeyboardIdentity("spi:05ac:0342:spi0", "Apple Internal Keyboard", DeviceBus.Spi, 0x05ac, 0x0342, "spi0");
        var busy = new KeyboardStatus(identity, "/dev/input/event3", KeyboardState.Busy, "grabbed by another process", "stop it")
            { Errno = 16, Holders = [new HolderProcess(5151, "keyd", "/usr/bin/keyd")] };
        var status = new BackendStatus(output.ToStatus(), [busy], Paused: true, ["base", "nav"], default, "a note");
        var report = DoctorReport.Build(new SystemProbe.Result(status, output, []), new KeymapCheck("/etc/remapper/config.toml", false, ["k.toml:1:1: error: x"]),
            [new SystemCheck("udev rule", CheckState.Info, "not installed", "install it")]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(DoctorJson.From(report), StatusJson.Context.DoctorJson));
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, "", paths);

        Assert.Equal(new SortedSet<string>(DocumentedPaths, StringComparer.Ordinal), paths);
    }

    private static void Collect(JsonElement element, string path, SortedSet<string> paths)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    paths.Add(child);
                    Collect(property.Value, child, paths);
                }
                break;
            case JsonValueKind.Array:
                paths.Remove(path);
                paths.Add(path + "[]");
                foreach (var item in element.EnumerateArray()) Collect(item, path + "[]", paths);
                break;
        }
    }
}
