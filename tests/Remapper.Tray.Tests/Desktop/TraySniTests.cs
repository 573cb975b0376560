using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Remapper.Tray.Tests.Fakes;
using Xunit.Abstractions;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>
/// The StatusNotifierItem path that KDE, Xfce, Cinnamon and GNOME (with its extension) use: xfce4-panel hosts the
/// icon over a private D-Bus session. The item's IconName and Title are read back over D-Bus as the panel sees them;
/// a screenshot of the panel's tooltip goes to ScreenshotFolder (docs/images/ on request).
/// </summary>
[Collection(DesktopCollection.Name)]
public partial class TraySniTests(ITestOutputHelper output)
{
    private readonly ConcurrentQueue<string> _trayLog = new();

    [DesktopFact]
    public async Task The_status_notifier_item_follows_the_daemon_and_the_panel_shows_its_title_as_tooltip()
    {
        if (DesktopPackages.EnsureInstalled() is { } problem) Assert.Fail(problem);
        await using var daemon = new FakeDaemon().Start();
        using var desktop = XDesktop.Start(640, 400, TrayHost.XfcePanelSni);
        var tray = desktop.Spawn(Remapper.Tray.Actions.ProcessLauncher.FindInPath("dotnet") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "remapper.dll"), "tray", "--socket", daemon.SocketPath], captureOutput: true);
        tray.ErrorDataReceived += (_, e) => { if (e.Data is not null) _trayLog.Enqueue(e.Data); };
        tray.OutputDataReceived += (_, e) => { if (e.Data is not null) _trayLog.Enqueue(e.Data); };
        tray.BeginErrorReadLine();
        tray.BeginOutputReadLine();
        try
        {
            var item = "";
            Waiting.Until(() => (item = RegisteredItem(desktop)) != "", "the tray to register with the StatusNotifierWatcher", 20000);
            ExpectIcon(desktop, item, "remapper-running");
            Assert.EndsWith("Icons", ItemProperty(desktop, item, "IconThemePath"));

            using (var client = daemon.Connect()) Assert.True(client.Request("pause").Ok);
            ExpectIcon(desktop, item, "remapper-paused");
            using (var client = daemon.Connect()) Assert.True(client.Request("resume").Ok);
            ExpectIcon(desktop, item, "remapper-running");

            daemon.SaveKeymap(FakeDaemon.BrokenKeymap);
            ExpectIcon(desktop, item, "remapper-error");
            Assert.Contains("config.toml:3:1: unknown key 'capslok'", ItemProperty(desktop, item, "Title"));
            SaveTooltip(desktop, Path.Combine(ScreenshotFolder.Get(), "tray-sni-tooltip.png"));

            await daemon.StopAsync();
            ExpectIcon(desktop, item, "remapper-not-running");
        }
        finally
        {
            foreach (var line in _trayLog) output.WriteLine(line);
        }
    }

    /// <summary>"SERVICE/PATH" of our item in the watcher's list, or "".</summary>
    private static string RegisteredItem(XDesktop desktop)
    {
        try
        {
            var reply = desktop.DBus("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher", "org.freedesktop.DBus.Properties.Get",
                "string:org.kde.StatusNotifierWatcher", "string:RegisteredStatusNotifierItems");
            return ItemPattern().Match(reply) is { Success: true } m ? m.Groups[1].Value : "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static string ItemProperty(XDesktop desktop, string item, string property)
    {
        var slash = item.IndexOf('/');
        var reply = desktop.DBus(item[..slash], item[slash..], "org.freedesktop.DBus.Properties.Get",
            "string:org.kde.StatusNotifierItem", $"string:{property}");
        return StringPattern().Match(reply) is { Success: true } m ? m.Groups[1].Value : reply;
    }

    private void ExpectIcon(XDesktop desktop, string item, string iconName)
    {
        var last = "";
        var deadline = Environment.TickCount64 + 15000;
        while (Environment.TickCount64 < deadline)
        {
            if ((last = ItemProperty(desktop, item, "IconName")) == iconName) return;
            Thread.Sleep(200);
        }
        Assert.Fail($"IconName stayed {last}, expected {iconName}\ntray log:\n{string.Join("\n", _trayLog)}");
    }

    /// <summary>Hovers the icon (found by its red badge in the panel) and saves the panel with the tooltip.</summary>
    private static void SaveTooltip(XDesktop desktop, string path)
    {
        var shot = Path.Combine(Path.GetTempPath(), $"remapper-sni-{Environment.ProcessId}.png");
        try
        {
            var pixels = desktop.Screenshot(shot);
            var red = Enumerable.Range(0, pixels.Width).Where(x => pixels.Count(0xd93025, x, 0, x + 1, 40) > 0).ToList();
            Assert.True(red.Count > 0, "the error icon's red badge is not in the panel");
            desktop.Hover(red[0] - 6, 14);
            Thread.Sleep(2500);
            var bounds = desktop.Screenshot(shot).ContentBounds(belowY: 200); // xfce4-panel's default dock sits at the bottom
            Assert.True(bounds.Height > 50, "no tooltip appeared");
            desktop.Crop(shot, (0, 0, pixels.Width, bounds.Y + bounds.Height + 6), path);
            desktop.Hover(5, 150);
        }
        finally
        {
            File.Delete(shot);
        }
    }


    [GeneratedRegex(@"string ""(:[0-9.]+/org/ayatana/NotificationItem/remapper[^""]*)""")]
    private static partial Regex ItemPattern();

    [GeneratedRegex(@"variant\s+string ""((?:[^""\\]|\\.)*)""", RegexOptions.Singleline)]
    private static partial Regex StringPattern();
}
