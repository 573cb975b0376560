using System.Collections.Concurrent;
using System.Diagnostics;
using Remapper.Backend;
using Remapper.Tray.Model;
using Remapper.Tray.Tests.Fakes;
using Xunit.Abstractions;

namespace Remapper.Tray.Tests.Desktop;

/// <summary>
/// The tray as a person sees it: a real X server (Xvfb), a real tray host (trayer), the real `remapper tray` process
/// following a daemon (the real IPC server over a fake backend). The icon is found by its colours in screenshots;
/// the menu is used with the mouse and keyboard (xdotool). Screenshots with the menu open go to ScreenshotFolder (docs/images/ on request).
/// </summary>
[Collection(DesktopCollection.Name)]
public class TrayOnDesktopTests(ITestOutputHelper output)
{
    // The badge colours of the shipped icons (Icons/generate.sh); the keycap outline tells normal from not running.
    private static readonly (TrayState State, int Colour)[] Badges =
    [
        (TrayState.Running, 0x1f9d44),
        (TrayState.Paused, 0x2a6fdb),
        (TrayState.Warning, 0xf5a800),
        (TrayState.Error, 0xd93025),
    ];

    private const int DarkOutline = 0x2b2b2b;
    private const int GreyBadge = 0x6e6e6e;
    private const int IconArea = 64; // trayer puts the one icon at the panel's left end

    private readonly ConcurrentQueue<string> _trayLog = new();

    [DesktopFact]
    public async Task The_icon_shows_each_state_of_the_daemon_and_its_menu_pauses_resumes_and_quits()
    {
        if (DesktopPackages.EnsureInstalled() is { } problem) Assert.Fail(problem);
        await using var daemon = new FakeDaemon().Start();
        using var desktop = XDesktop.Start(640, 360);
        var work = Directory.CreateTempSubdirectory("remapper-tray-shots-").FullName;
        var images = ScreenshotFolder.Get();

        // Stand-ins for xdg-open and notify-send record what the tray asked for (no file manager or notification
        // daemon runs under Xvfb).
        var bin = Directory.CreateDirectory(Path.Combine(work, "bin")).FullName;
        var opened = Path.Combine(work, "opened.txt");
        var notified = Path.Combine(work, "notified.txt");
        Recorder(Path.Combine(bin, "xdg-open"), opened);
        Recorder(Path.Combine(bin, "notify-send"), notified);
        var tray = desktop.Spawn(Remapper.Tray.Actions.ProcessLauncher.FindInPath("dotnet") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "remapper.dll"), "tray", "--socket", daemon.SocketPath], captureOutput: true,
            new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" });
        tray.ErrorDataReceived += (_, e) => { if (e.Data is not null) _trayLog.Enqueue(e.Data); };
        tray.OutputDataReceived += (_, e) => { if (e.Data is not null) _trayLog.Enqueue(e.Data); };
        tray.BeginErrorReadLine();
        tray.BeginOutputReadLine();
        try
        {
            ExpectIcon(desktop, work, TrayState.Running);
            SaveWithMenu(desktop, work, Path.Combine(images, "tray-running.png"), "AT Translated Set 2 keyboard: remapped");

            // Open keymap: the third command (Pause, Reload, Open keymap) hands the daemon's keymap to xdg-open.
            OpenMenu(desktop);
            desktop.Keys("Down", "Down", "Down", "Return");
            Waiting.Until(() => Read(opened).Contains(daemon.KeymapPath), "Open keymap to run xdg-open on the keymap", 10000);

            // Pause from the menu: the first item the keyboard reaches is Pause remapping.
            OpenMenu(desktop);
            desktop.Keys("Down", "Return");
            Waiting.Until(() => daemon.Backend.Status.Paused, "the daemon paused from the tray's menu", 10000);
            ExpectIcon(desktop, work, TrayState.Paused);
            SaveWithMenu(desktop, work, Path.Combine(images, "tray-paused.png"), "Resume remapping");

            OpenMenu(desktop);
            desktop.Keys("Down", "Return");
            Waiting.Until(() => !daemon.Backend.Status.Paused, "the daemon resumed from the tray's menu", 10000);
            ExpectIcon(desktop, work, TrayState.Running);

            daemon.SaveKeymap(FakeDaemon.BrokenKeymap);
            ExpectIcon(desktop, work, TrayState.Error);
            SaveWithMenu(desktop, work, Path.Combine(images, "tray-error.png"), "keymap error");

            // Reload from the menu while the keymap is still broken: the click is answered with the error.
            OpenMenu(desktop);
            desktop.Keys("Down", "Down", "Return");
            Waiting.Until(() => _trayLog.Any(l => l.Contains("notify: Remapper: keymap reload failed: config.toml:3:1:")),
                "the failed reload from the menu to be told", 10000);

            // One notification for the broken save, one answering the Reload click; none for the polls in between.
            Assert.Equal(1, Occurrences(Read(notified), "|Remapper: keymap error|"));
            Assert.Equal(1, Occurrences(Read(notified), "|Remapper: keymap reload failed|"));
            Assert.Matches(@"--urgency=critical\|(--icon=[^|]*remapper-warning\.png\|)?Remapper: keymap error\|config\.toml:3:1: unknown key 'capslok'",
                Read(notified));

            daemon.SaveKeymap(FakeDaemon.GoodKeymap);
            ExpectIcon(desktop, work, TrayState.Running);

            daemon.Backend.SetKeyboards(FakeBackend.Laptop with
            {
                State = KeyboardState.AccessDenied,
                Detail = "permission denied (not in group input)",
                Fix = "sudo usermod -aG input $USER",
            });
            ExpectIcon(desktop, work, TrayState.Warning);
            SaveWithMenu(desktop, work, Path.Combine(images, "tray-warning.png"), "access denied");
            Waiting.Until(() => Read(notified).Contains("|Remapper: AT Translated Set 2 keyboard is not remapped|"),
                "the denied keyboard's notification", 10000);

            await daemon.StopAsync();
            ExpectIcon(desktop, work, TrayState.NotRunning);
            SaveWithMenu(desktop, work, Path.Combine(images, "tray-not-running.png"), "not running");

            // Show diagnostics is the one command that works without a daemon: a terminal or a text window opens.
            OpenMenu(desktop);
            desktop.Keys("Down", "Return");
            Waiting.Until(() => desktop.HasWindow("remapper doctor"), "the diagnostics window", 15000);
            desktop.HideWindow("remapper doctor");

            // The daemon restarts: the tray finds it again by itself.
            daemon.Start();
            ExpectIcon(desktop, work, TrayState.Warning);

            // Quit tray is the last item: Up from the top wraps to it.
            OpenMenu(desktop);
            desktop.Keys("Up", "Return");
            Assert.True(tray.WaitForExit(10000), "Quit tray did not end `remapper tray`");
            Assert.Equal(0, tray.ExitCode);
        }
        finally
        {
            foreach (var line in _trayLog) output.WriteLine(line);
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A shell script standing in for a program: appends its arguments, '|'-separated, to <paramref name="log"/>.</summary>
    private static void Recorder(string path, string log)
    {
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s|' \"$@\" >> '{log}'\necho >> '{log}'\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    /// <summary>Waits (bounded) until the icon in the panel has the colours of <paramref name="expected"/>.</summary>
    private void ExpectIcon(XDesktop desktop, string work, TrayState expected)
    {
        var deadline = Environment.TickCount64 + 15000;
        var last = "";
        while (Environment.TickCount64 < deadline)
        {
            var pixels = desktop.Screenshot(Path.Combine(work, "screen.png"));
            var (state, counts) = Classify(pixels);
            if (state == expected) return;
            last = counts;
            Thread.Sleep(250);
        }
        Assert.Fail($"the tray icon never showed {expected}; last pixel counts: {last}\ntray log:\n{string.Join("\n", _trayLog)}");
    }

    private static (TrayState? State, string Counts) Classify(ScreenPixels pixels)
    {
        int Count(int colour) => pixels.Count(colour, 0, 0, IconArea, XDesktop.PanelHeight);
        var badges = Badges.Select(b => (b.State, Pixels: Count(b.Colour))).ToList();
        var dark = Count(DarkOutline);
        var grey = Count(GreyBadge);
        var counts = string.Join(", ", badges.Select(b => $"{b.State} {b.Pixels}")) + $", outline {dark}, grey badge {grey}";
        var lit = badges.Where(b => b.Pixels >= 8).ToList();
        if (lit.Count == 1 && dark >= 8 && badges.All(b => b.State == lit[0].State || b.Pixels < 3)) return (lit[0].State, counts);
        if (lit.Count == 0 && badges.All(b => b.Pixels < 3) && dark < 3 && grey >= 8) return (TrayState.NotRunning, counts);
        return (null, counts);
    }

    private static void OpenMenu(XDesktop desktop)
    {
        desktop.Click(XDesktop.PanelHeight / 2, XDesktop.PanelHeight / 2);
        Thread.Sleep(800);
    }

    /// <summary>Opens the menu, checks it is really open, saves the panel and menu for the README, closes it.</summary>
    private static void SaveWithMenu(XDesktop desktop, string work, string path, string expectedText)
    {
        OpenMenu(desktop);
        var shot = Path.Combine(work, "menu.png");
        var bounds = desktop.Screenshot(shot).ContentBounds();
        Assert.True(bounds.Height > XDesktop.PanelHeight + 60, $"the menu did not open (content {bounds.Width}x{bounds.Height})");
        desktop.Crop(shot, (0, 0, bounds.X + bounds.Width + 8, bounds.Y + bounds.Height + 8), path);
        desktop.Keys("Escape");
        Thread.Sleep(300);
        _ = expectedText; // what the picture shows; read by a person, not OCR'd
    }

}
