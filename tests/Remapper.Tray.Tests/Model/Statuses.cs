using Remapper.Backend;
using Remapper.Daemon.Ipc;
using Remapper.Ipc;
using Remapper.Tray.Model;

namespace Remapper.Tray.Tests.Model;

/// <summary>Daemon status answers as the daemon sends them, for the model tests.</summary>
internal static class Statuses
{
    public static readonly KeyboardDto Laptop = new("i8042:laptop", "AT Translated Set 2 keyboard", "i8042", true, KeyboardState.Seized);

    public static readonly KeyboardDto Usb = new("usb:046d:c31c", "Logitech USB Keyboard", "usb", false, KeyboardState.Seized);

    public static KeyboardDto Denied(KeyboardDto k) => k with
    {
        State = KeyboardState.AccessDenied,
        Cause = "permission denied opening /dev/input/event3 (not in group input)",
        Fix = "sudo usermod -aG input $USER, then log in again",
    };

    public static KeyboardDto Busy(KeyboardDto k, int pid = 4242) => k with
    {
        State = KeyboardState.Busy, Cause = "another program holds the grab", HolderPid = pid, HolderCommand = "keyd",
    };

    public static DiagnosticDto Error(int line, int column, string message, string? suggestion = null) =>
        new("/home/ann/.config/remapper/config.toml", line, column, "error", message, suggestion,
            $"/home/ann/.config/remapper/config.toml:{line}:{column}: error: {message}");

    public static DiagnosticDto Warning(int line, int column, string message) =>
        new("/home/ann/.config/remapper/config.toml", line, column, "warning", message, null,
            $"/home/ann/.config/remapper/config.toml:{line}:{column}: warning: {message}");

    public static StatusResult Status(
        IReadOnlyList<KeyboardDto>? keyboards = null,
        bool paused = false,
        IReadOnlyList<DiagnosticDto>? diagnostics = null,
        OutputDeviceStatus? output = null,
        string? keymapPath = "/home/ann/.config/remapper/config.toml")
    {
        diagnostics ??= [];
        var valid = diagnostics.All(d => d.Severity != "error");
        output ??= new OutputDeviceStatus("uhid", OutputDeviceState.Ready, "/dev/uhid");
        keyboards ??= [Laptop];
        return new StatusResult(
            StatusRules.StateWord(keymapHasErrors: !valid, paused, output.IsProblem() || keyboards.Any(k => k.State.IsProblem())),
            new DaemonInfoDto("0.1.0", 1234, DateTimeOffset.UnixEpoch, 10, "/run/user/1000/remapper.sock", "user"),
            new KeymapStatusDto(keymapPath, "user", "~/.config/remapper/config.toml", valid, DateTimeOffset.UnixEpoch,
                DateTimeOffset.UnixEpoch, 1, diagnostics),
            output,
            keyboards,
            paused,
            ["base"],
            new CountersDto(0, 0));
    }

    public static DaemonSnapshot Snapshot(StatusResult status) => DaemonSnapshot.Connected(status);
}
