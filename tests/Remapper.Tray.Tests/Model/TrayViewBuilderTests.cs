using Remapper.Backend;
using Remapper.Tray.Model;
using static Remapper.Tray.Tests.Model.Statuses;

namespace Remapper.Tray.Tests.Model;

public class TrayViewBuilderTests
{
    private static TrayView View(Remapper.Ipc.StatusResult status) => TrayViewBuilder.Build(Snapshot(status));

    [Fact]
    public void Every_keyboard_seized_is_running_with_the_running_icon()
    {
        var view = View(Status([Laptop, Usb]));

        Assert.Equal(TrayState.Running, view.State);
        Assert.Equal("remapper-running", view.IconName);
        Assert.Equal("Remapper: running, 2 keyboards remapped", view.Tooltip);
    }

    [Fact]
    public void Paused_shows_the_paused_icon_and_offers_resume_instead_of_pause()
    {
        var view = View(Status(paused: true));

        Assert.Equal(TrayState.Paused, view.State);
        Assert.Equal("remapper-paused", view.IconName);
        Assert.NotNull(view.Menu.Find(TrayCommand.Resume));
        Assert.Null(view.Menu.Find(TrayCommand.Pause));
        Assert.NotNull(View(Status()).Menu.Find(TrayCommand.Pause));
        Assert.Contains(view.Menu.Items, i => i.Label == "AT Translated Set 2 keyboard: held, keys pass through unchanged");
    }

    [Fact]
    public void A_denied_keyboard_is_a_warning_whose_tooltip_names_it_and_says_why()
    {
        var view = View(Status([Denied(Laptop), Usb]));

        Assert.Equal(TrayState.Warning, view.State);
        Assert.Equal("remapper-warning", view.IconName);
        Assert.Equal(
            "Remapper: running, 1 problem\n" +
            "AT Translated Set 2 keyboard: access denied (permission denied opening /dev/input/event3 (not in group input))",
            view.Tooltip);
    }

    [Fact]
    public void Busy_keyboards_name_the_program_holding_them()
    {
        var view = View(Status([Busy(Laptop, 4242), Busy(Usb, 77)]));

        Assert.Equal(TrayState.Warning, view.State);
        Assert.Contains("Remapper: running, 2 problems", view.Tooltip);
        Assert.Contains("AT Translated Set 2 keyboard: busy (held by keyd, pid 4242)", view.Tooltip);
        Assert.Contains("Logitech USB Keyboard: busy (held by keyd, pid 77)", view.Tooltip);
    }

    [Fact]
    public void No_keyboard_at_all_is_a_warning()
    {
        var view = View(Status([]));

        Assert.Equal(TrayState.Warning, view.State);
        Assert.Contains("No keyboard found.", view.Tooltip);
        Assert.Contains(view.Menu.Items, i => i.Label == "No keyboard found");
    }

    [Fact]
    public void A_missing_output_device_is_a_warning_with_its_detail()
    {
        var view = View(Status(output: new OutputDeviceStatus("uhid", OutputDeviceState.AccessDenied, "/dev/uhid: permission denied")));

        Assert.Equal(TrayState.Warning, view.State);
        Assert.Contains("Output device (uhid): /dev/uhid: permission denied", view.Tooltip);
    }

    [Fact]
    public void An_invalid_keymap_is_an_error_whose_tooltip_shows_the_first_diagnostic_with_line_and_column()
    {
        var view = View(Status(diagnostics:
        [
            Warning(2, 1, "unused layer 'nav'"),
            Error(7, 3, "unknown key 'capslok'", "did you mean 'caps_lock'?"),
            Error(9, 1, "unknown action 'layr(nav)'"),
        ]));

        Assert.Equal(TrayState.Error, view.State);
        Assert.Equal("remapper-error", view.IconName);
        Assert.Equal(
            "Remapper: keymap error\n" +
            "config.toml:7:3: unknown key 'capslok' — did you mean 'caps_lock'?\n" +
            "The previous keymap keeps running.",
            view.Tooltip);
        // AppIndicator shows no tooltip: the menu repeats the error under its headline.
        Assert.Equal("config.toml:7:3: unknown key 'capslok' — did you mean 'caps_lock'?", view.Menu.Items[1].Label);
    }

    [Fact]
    public void A_keymap_error_outranks_pause_and_denied_keyboards_but_the_tooltip_still_mentions_them()
    {
        var view = View(Status([Denied(Laptop)], paused: true, diagnostics: [Error(1, 1, "bad")]));

        Assert.Equal(TrayState.Error, view.State);
        Assert.Contains("Remapping is paused.", view.Tooltip);
        Assert.Contains("AT Translated Set 2 keyboard: access denied", view.Tooltip);
    }

    [Fact]
    public void Pause_outranks_a_denied_keyboard()
    {
        Assert.Equal(TrayState.Paused, View(Status([Denied(Laptop)], paused: true)).State);
    }

    [Fact]
    public void Keymap_warnings_alone_do_not_change_the_state()
    {
        Assert.Equal(TrayState.Running, View(Status(diagnostics: [Warning(2, 1, "unused layer 'nav'")])).State);
    }

    [Fact]
    public void Daemon_not_running_says_why_and_disables_what_needs_the_daemon()
    {
        var view = TrayViewBuilder.Build(DaemonSnapshot.Unreachable("remapper is not running (no socket at /run/user/1000/remapper.sock)"));

        Assert.Equal(TrayState.NotRunning, view.State);
        Assert.Equal("remapper-not-running", view.IconName);
        Assert.Equal("Remapper: not running\nno socket at /run/user/1000/remapper.sock", view.Tooltip);
        Assert.Equal("no socket at /run/user/1000/remapper.sock", view.Menu.Items[1].Label);
        Assert.False(view.Menu.Find(TrayCommand.Pause)!.Enabled);
        Assert.False(view.Menu.Find(TrayCommand.Reload)!.Enabled);
        Assert.False(view.Menu.Find(TrayCommand.OpenKeymap)!.Enabled);
        Assert.True(view.Menu.Find(TrayCommand.ShowDiagnostics)!.Enabled);
        Assert.True(view.Menu.Find(TrayCommand.Quit)!.Enabled);
    }

    [Fact]
    public void A_socket_the_user_may_not_use_is_shown_as_is()
    {
        var view = TrayViewBuilder.Build(DaemonSnapshot.Unreachable("cannot connect to /run/remapper/remapper.sock: Permission denied"));

        Assert.Equal("Remapper: not running\ncannot connect to /run/remapper/remapper.sock: Permission denied", view.Tooltip);
    }

    [Fact]
    public void The_menu_has_one_line_per_keyboard_with_its_state_then_the_commands()
    {
        var view = View(Status([Laptop, Busy(Usb, 77) with { Fix = "stop keyd: systemctl stop keyd" },
            Laptop with { Id = "x", Name = "YubiKey", State = KeyboardState.Ignored, Fix = "nothing to do" }]));

        Assert.Equal(
            "(Remapper: running, 1 problem)\n" +
            "---\n" +
            "(AT Translated Set 2 keyboard: remapped)\n" +
            "(Logitech USB Keyboard: busy (held by keyd, pid 77))\n" +
            "(    Fix: stop keyd: systemctl stop keyd)\n" +
            "(YubiKey: ignored)\n" +
            "---\n" +
            "Pause remapping\n" +
            "Reload keymap\n" +
            "Open keymap\n" +
            "Show diagnostics\n" +
            "---\n" +
            "Quit tray",
            view.Menu.ToString());
        Assert.Equal("/home/ann/.config/remapper/config.toml", view.KeymapPath);
    }

    [Fact]
    public void Open_keymap_is_disabled_when_the_daemon_runs_without_a_keymap_file()
    {
        var view = View(Status(keymapPath: null));

        Assert.False(view.Menu.Find(TrayCommand.OpenKeymap)!.Enabled);
        Assert.Null(view.KeymapPath);
    }

    [Fact]
    public void Menus_compare_by_content_so_an_unchanged_status_does_not_rebuild_the_native_menu()
    {
        Assert.Equal(View(Status([Laptop])).Menu, View(Status([Laptop])).Menu);
        Assert.NotEqual(View(Status([Laptop])).Menu, View(Status([Denied(Laptop)])).Menu);
    }

    [Fact]
    public void Every_state_has_its_own_icon_shipped_as_svg_and_every_png_size()
    {
        var names = TrayIcons.All.Select(TrayIcons.NameOf).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var icons = Path.Combine(AppContext.BaseDirectory, "Icons", "hicolor");
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(icons, "scalable", "status", name + ".svg")), $"{name}.svg missing");
            foreach (var size in TrayIcons.Sizes)
            {
                var png = Path.Combine(icons, $"{size}x{size}", "status", name + ".png");
                Assert.True(File.Exists(png), $"{png} missing");
                var header = File.ReadAllBytes(png).AsSpan(16, 8).ToArray(); // IHDR width, height (big-endian)
                Assert.Equal(size, (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3]);
                Assert.Equal(size, (header[4] << 24) | (header[5] << 16) | (header[6] << 8) | header[7]);
            }
        }
    }

    [Fact]
    public void Open_keymap_opens_your_own_keymaps_place_while_the_shipped_default_runs()
    {
        // The daemon's locator names the file to create (status keymap.fileToCreate); the tray opens that one.
        var shipped = Status(keymapPath: "/usr/share/remapper/default.toml") is var s
            ? s with { Keymap = s.Keymap with { Origin = "shippedDefault", FileToCreate = "/home/ann/.config/remapper/config.toml" } }
            : null!;
        Assert.Equal("/home/ann/.config/remapper/config.toml", View(shipped).KeymapPath);
        var unnamed = shipped with { Keymap = shipped.Keymap with { FileToCreate = null } };
        Assert.Equal("/usr/share/remapper/default.toml", View(unnamed).KeymapPath); // nothing named: the file that runs
        Assert.Equal("/home/ann/.config/remapper/config.toml", View(Status()).KeymapPath); // your own: that one
    }
}
