using Remapper.Backend;
using Remapper.Tray.Model;
using static Remapper.Tray.Tests.Model.Statuses;

namespace Remapper.Tray.Tests.Model;

public class NotificationDeciderTests
{
    private readonly NotificationDecider _decider = new();

    private IReadOnlyList<TrayNotification> Observe(Remapper.Ipc.StatusResult status) => _decider.Observe(Snapshot(status));

    [Fact]
    public void A_healthy_daemon_notifies_nothing()
    {
        Assert.Empty(Observe(Status([Laptop, Usb])));
        Assert.Empty(Observe(Status([Laptop, Usb])));
    }

    [Fact]
    public void A_keyboard_turning_denied_notifies_once_with_the_cause_and_the_fix()
    {
        Assert.Empty(Observe(Status([Laptop])));

        var note = Assert.Single(Observe(Status([Denied(Laptop)])));

        Assert.Equal("Remapper: AT Translated Set 2 keyboard is not remapped", note.Summary);
        Assert.Equal(
            "AT Translated Set 2 keyboard: access denied (permission denied opening /dev/input/event3 (not in group input))\n" +
            "sudo usermod -aG input $USER, then log in again",
            note.Body);
        Assert.True(note.Urgent);
        Assert.Empty(Observe(Status([Denied(Laptop)])));
    }

    [Fact]
    public void The_daemon_retrying_a_denied_keyboard_does_not_notify_again()
    {
        Assert.Single(Observe(Status([Denied(Laptop)])));

        Assert.Empty(Observe(Status([Laptop with { State = KeyboardState.Pending }])));
        Assert.Empty(Observe(Status([Denied(Laptop)])));
        Assert.Empty(Observe(Status([Laptop with { State = KeyboardState.Pending }])));
        Assert.Empty(Observe(Status([Denied(Laptop)])));
    }

    [Fact]
    public void Denied_again_after_it_worked_in_between_is_a_new_change()
    {
        Assert.Single(Observe(Status([Denied(Laptop)])));
        Assert.Empty(Observe(Status([Laptop])));

        Assert.Single(Observe(Status([Denied(Laptop)])));
    }

    [Fact]
    public void Denied_turning_busy_is_a_new_problem()
    {
        Assert.Single(Observe(Status([Denied(Laptop)])));

        var note = Assert.Single(Observe(Status([Busy(Laptop)])));

        Assert.Contains("busy (held by keyd, pid 4242)", note.Body);
    }

    [Fact]
    public void Each_keyboard_is_told_separately()
    {
        var notes = Observe(Status([Denied(Laptop), Busy(Usb)]));

        Assert.Equal(2, notes.Count);
        Assert.Empty(Observe(Status([Denied(Laptop), Busy(Usb)])));
    }

    [Fact]
    public void A_keyboard_unplugged_and_plugged_back_still_denied_is_told_again()
    {
        Assert.Single(Observe(Status([Denied(Usb)])));
        Assert.Empty(Observe(Status([Laptop])));

        Assert.Single(Observe(Status([Laptop, Denied(Usb)])));
    }

    [Fact]
    public void The_daemon_restarting_with_the_same_problem_is_not_news()
    {
        Assert.Single(Observe(Status([Denied(Laptop)])));
        Assert.Empty(_decider.Observe(DaemonSnapshot.Unreachable("remapper is not running")));

        Assert.Empty(Observe(Status([Denied(Laptop)])));
    }

    [Fact]
    public void A_failed_reload_notifies_once_with_the_first_error_and_its_line_and_column()
    {
        Assert.Empty(Observe(Status()));
        var broken = Status(diagnostics: [Error(7, 3, "unknown key 'capslok'", "did you mean 'caps_lock'?"), Error(9, 1, "x")]);

        var note = Assert.Single(Observe(broken));

        Assert.Equal("Remapper: keymap error", note.Summary);
        Assert.Equal("config.toml:7:3: unknown key 'capslok' — did you mean 'caps_lock'? (and 1 more)\nThe previous keymap keeps running.", note.Body);
        Assert.Empty(Observe(broken));
    }

    [Fact]
    public void Saving_a_different_mistake_notifies_and_fixing_it_rearms()
    {
        Assert.Single(Observe(Status(diagnostics: [Error(7, 3, "unknown key 'capslok'")])));
        Assert.Single(Observe(Status(diagnostics: [Error(8, 1, "unknown key 'esc2'")])));
        Assert.Empty(Observe(Status()));

        Assert.Single(Observe(Status(diagnostics: [Error(8, 1, "unknown key 'esc2'")])));
    }

    [Fact]
    public void A_reload_failure_already_shown_for_a_click_is_not_shown_again_from_the_status()
    {
        var errors = new[] { Error(7, 3, "unknown key 'capslok'") };
        _decider.ReloadFailureShown(errors);

        Assert.Empty(Observe(Status(diagnostics: errors)));
    }

    [Fact]
    public void The_notification_for_a_failed_reload_click_shows_the_first_error()
    {
        var note = NotificationDecider.ReloadFailed("config.toml: 1 error; the previous keymap keeps running",
            [Warning(1, 1, "w"), Error(3, 1, "unknown key 'capslok'", "did you mean 'caps_lock'?")]);

        Assert.Equal("Remapper: keymap reload failed", note.Summary);
        Assert.Equal("config.toml:3:1: unknown key 'capslok' — did you mean 'caps_lock'?\nThe previous keymap keeps running.", note.Body);
    }
}
