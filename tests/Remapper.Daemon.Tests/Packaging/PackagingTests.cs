using System.Diagnostics;

namespace Remapper.Daemon.Tests.Packaging;

/// <summary>
/// packaging/install.sh, packaging/macos/install.sh and packaging/deb/build-deb.sh, run for real into scratch directories with a stub binary
/// (a Native AOT publish takes minutes; what is tested here is what the scripts put where).
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;
    private static readonly string Repo = FindRepo();
    private readonly TempDir _dir = new();
    private readonly string _binary;
    private readonly string _keymap;

    public PackagingTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        _output = output;
        _binary = _dir.File("remapper");
        File.WriteAllText(_binary, "#!/bin/sh\necho 0.1.0-stub\n");
        File.SetUnixFileMode(_binary, (UnixFileMode)Convert.ToInt32("755", 8));
        _keymap = _dir.File("default.toml");
        File.WriteAllText(_keymap, "version = 1\n# shipped default\n");
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Remapper.sln"))) return dir.FullName;
        throw new InvalidOperationException("Remapper.sln not found above the test binaries");
    }

    private static (int Exit, string Out, string Err) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), $"{file} did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static bool Have(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    [Fact]
    public void The_changelog_has_a_release_section_for_the_version_the_program_reports()
    {
        // One version everywhere: packaging/VERSION is what --version, the daemon's log, the .deb and the docs show.
        var version = File.ReadAllText(Path.Combine(Repo, "packaging", "VERSION")).Trim();
        var changelog = File.ReadAllText(Path.Combine(Repo, "CHANGELOG.md"));
        Assert.Matches($@"(?m)^## \[{System.Text.RegularExpressions.Regex.Escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog);
    }

    [Fact]
    public void Install_is_idempotent_keeps_the_users_keymap_and_uninstall_removes_the_rest()
    {
        var root = _dir.File("root");
        var install = Path.Combine(Repo, "packaging", "install.sh");
        string[] args = ["--destdir", root, "--binary", _binary, "--keymap", _keymap];
        var first = Run(install, args);
        Assert.True(first.Exit == 0, first.Err);
        Assert.Equal("755", Mode(Path.Combine(root, "usr/local/bin/remapper")));
        var unit = File.ReadAllText(Path.Combine(root, "etc/systemd/system/remapper.service"));
        Assert.Contains("ExecStart=/usr/local/bin/remapper run --system", unit);
        Assert.True(File.Exists(Path.Combine(root, "etc/udev/rules.d/60-remapper.rules")));
        Assert.Equal("644", Mode(Path.Combine(root, "etc/remapper/config.toml")));
        var autostart = File.ReadAllText(Path.Combine(root, "etc/xdg/autostart/remapper-tray.desktop"));
        Assert.Contains("Exec=/usr/local/bin/remapper tray", autostart);
        Assert.True(File.Exists(Path.Combine(root, "usr/local/share/remapper/icons/hicolor/48x48/status/remapper-warning.png")));
        foreach (var reference in SystemReference)
            Assert.True(File.Exists(Path.Combine(root, reference)), $"{reference} was not installed");

        var userKeymap = Path.Combine(root, "etc/remapper/config.toml");
        File.WriteAllText(userKeymap, "version = 1\n# mine\n");
        var second = Run(install, args);
        Assert.True(second.Exit == 0, second.Err);
        Assert.Contains("Keeping your keymap", second.Out);
        Assert.Equal("version = 1\n# mine\n", File.ReadAllText(userKeymap));

        var removed = Run(install, [.. args, "--uninstall"]);
        Assert.True(removed.Exit == 0, removed.Err);
        Assert.False(File.Exists(Path.Combine(root, "usr/local/bin/remapper")));
        Assert.False(File.Exists(Path.Combine(root, "etc/systemd/system/remapper.service")));
        Assert.False(File.Exists(Path.Combine(root, "etc/udev/rules.d/60-remapper.rules")));
        Assert.False(File.Exists(Path.Combine(root, "etc/xdg/autostart/remapper-tray.desktop")));
        Assert.False(Directory.Exists(Path.Combine(root, "usr/local/share/remapper/icons")));
        foreach (var reference in SystemReference) Assert.False(File.Exists(Path.Combine(root, reference)), $"{reference} was left behind");
        Assert.True(File.Exists(userKeymap));
        Assert.Equal(0, Run(install, [.. args, "--uninstall"]).Exit); // uninstalling twice is fine too
    }

    /// <summary>The man pages and completions (written by the installed binary, here the stub) of a /usr/local install.</summary>
    private static readonly string[] SystemReference =
    [
        "usr/local/share/man/man1/remapper.1", "usr/local/share/man/man5/remapper-keymap.5",
        "usr/local/share/bash-completion/completions/remapper", "usr/local/share/zsh/site-functions/_remapper",
        "usr/local/share/fish/vendor_completions.d/remapper.fish",
    ];

    private static (int Exit, string Out, string Err) RunAs(string home, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_CONFIG_HOME");
        start.Environment.Remove("XDG_DATA_HOME");
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), $"{file} did not finish");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void A_user_install_puts_everything_under_home_prints_the_root_steps_and_uninstalls_cleanly()
    {
        var install = Path.Combine(Repo, "packaging", "install.sh");
        if (Remapper.Daemon.Ipc.Native.geteuid() == 0)
        {
            // Live, --user refuses root (it would install into root's home); staged with --destdir it runs.
            var refused = RunAs("/root", install, "--user", "--binary", _binary, "--keymap", _keymap);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("run it without sudo", refused.Err);
        }
        var stage = _dir.File("stage");
        const string home = "/home/ada";
        string[] args = ["--user", "--destdir", stage, "--binary", _binary, "--keymap", _keymap];
        var result = RunAs(home, install, args);
        Assert.True(result.Exit == 0, result.Err);
        string[] files =
        [
            ".local/bin/remapper", ".local/share/remapper/default.toml", ".config/systemd/user/remapper.service",
            ".config/autostart/remapper-tray.desktop", ".local/share/man/man1/remapper.1", ".local/share/man/man5/remapper-keymap.5",
            ".local/share/bash-completion/completions/remapper", ".local/share/zsh/site-functions/_remapper",
            ".config/fish/completions/remapper.fish", ".local/share/remapper/icons/hicolor/48x48/status/remapper-warning.png",
        ];
        string At(string file) => Path.Combine(stage, "home/ada", file);
        foreach (var file in files) Assert.True(File.Exists(At(file)), $"{file} was not installed");
        Assert.Equal("755", Mode(At(".local/bin/remapper")));
        var unit = File.ReadAllText(At(".config/systemd/user/remapper.service"));
        Assert.Contains("ExecStart=%h/.local/bin/remapper run\n", unit);
        Assert.DoesNotContain("--system", unit);
        Assert.Contains("Exec=/home/ada/.local/bin/remapper tray", File.ReadAllText(At(".config/autostart/remapper-tray.desktop")));
        Assert.Contains("sudo usermod -aG input,remapper", result.Out);
        Assert.Contains("60-remapper.rules", result.Out);
        Assert.Contains("systemctl --user enable --now remapper", result.Out);
        Assert.Equal(["home"], Directory.EnumerateFileSystemEntries(stage).Select(Path.GetFileName)); // nothing outside home

        var removed = RunAs(home, install, [.. args, "--uninstall"]);
        Assert.True(removed.Exit == 0, removed.Err);
        foreach (var file in files) Assert.False(File.Exists(At(file)), $"{file} was left behind");
    }

    [Fact]
    public void Install_refuses_unknown_options_and_a_missing_keymap_with_a_message()
    {
        var install = Path.Combine(Repo, "packaging", "install.sh");
        var bad = Run(install, "--frobnicate");
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown option '--frobnicate'", bad.Err);
        var missing = Run(install, "--destdir", _dir.File("r"), "--binary", _binary, "--keymap", _dir.File("nope.toml"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope.toml not found", missing.Err);
    }

    [Fact]
    public void The_macos_installer_takes_the_same_options_stages_the_launch_daemon_and_uninstalls_it()
    {
        // --destdir stages without launchctl or root, so this runs on Linux too.
        var install = Path.Combine(Repo, "packaging", "macos", "install.sh");
        var root = _dir.File("mac");
        var staged = Run(install, "--destdir", root, "--binary", _binary, "--keymap", _keymap, "--arch", "arm64");
        Assert.True(staged.Exit == 0, staged.Err);
        Assert.Equal("755", Mode(Path.Combine(root, "usr/local/bin/remapper")));
        Assert.Contains("<string>org.remapper.daemon</string>", File.ReadAllText(Path.Combine(root, "Library/LaunchDaemons/org.remapper.daemon.plist")));
        Assert.Equal("version = 1\n# shipped default\n", File.ReadAllText(Path.Combine(root, "etc/remapper/config.toml")));

        // The options both installers share fail the same way.
        var missing = Run(install, "--destdir", root, "--binary", _binary, "--keymap", _dir.File("nope.toml"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains("nope.toml not found", missing.Err);
        var bad = Run(install, "--prefix", "/opt"); // Linux-only
        Assert.Equal(2, bad.Exit);
        Assert.Contains("unknown option '--prefix'", bad.Err);
        var noValue = Run(install, "--arch");
        Assert.Equal(2, noValue.Exit);
        Assert.Contains("--arch needs arm64 or x64", noValue.Err);
        Assert.StartsWith("Installs Remapper on macOS", Run(install, "--help").Out);

        var removed = Run(install, "--destdir", root, "--uninstall");
        Assert.True(removed.Exit == 0, removed.Err);
        Assert.False(File.Exists(Path.Combine(root, "usr/local/bin/remapper")));
        Assert.False(File.Exists(Path.Combine(root, "Library/LaunchDaemons/org.remapper.daemon.plist")));
        Assert.True(File.Exists(Path.Combine(root, "etc/remapper/config.toml")), "the keymap is kept without --purge");
    }

    [Fact]
    public void The_deb_builds_holds_the_service_files_and_its_unit_verifies()
    {
        if (!Have("dpkg-deb"))
        {
            // xunit 2 has no runtime skip: say why in the output and pass (the install.sh tests still run).
            _output.WriteLine("SKIPPED: dpkg-deb is not installed (apt-get install dpkg-dev); the .deb was not built");
            return;
        }
        var build = Run(Path.Combine(Repo, "packaging", "deb", "build-deb.sh"), "--binary", _binary, "--keymap", _keymap, "--out", _dir.File("out"));
        Assert.True(build.Exit == 0, build.Err);
        var deb = build.Out.Trim().Split('\n').Last();
        var version = File.ReadAllText(Path.Combine(Repo, "packaging", "VERSION")).Trim();
        Assert.EndsWith($"remapper_{version}_{Path.GetFileName(deb).Split('_')[2]}", deb);

        var info = Run("dpkg-deb", "-I", deb);
        Assert.Contains("Package: remapper", info.Out);
        Assert.Contains($"Version: {version}", info.Out);
        Assert.Contains("postinst", info.Out);
        var listing = Run("dpkg-deb", "-c", deb).Out;
        foreach (var file in new[] { "./usr/bin/remapper", "./usr/lib/systemd/system/remapper.service", "./usr/lib/udev/rules.d/60-remapper.rules",
                     "./usr/share/remapper/default.toml", "./etc/remapper/config.toml", "./usr/lib/sysusers.d/remapper.conf",
                     "./etc/xdg/autostart/remapper-tray.desktop", "./usr/share/remapper/icons/hicolor/scalable/status/remapper-error.svg",
                     "./usr/share/man/man1/remapper.1", "./usr/share/man/man5/remapper-keymap.5", "./usr/share/bash-completion/completions/remapper",
                     "./usr/share/zsh/site-functions/_remapper", "./usr/share/fish/vendor_completions.d/remapper.fish" })
            Assert.Contains(file, listing);
        Assert.Contains("root/root", listing);
        Assert.Equal("/etc/remapper/config.toml\n/etc/xdg/autostart/remapper-tray.desktop", Run("dpkg-deb", "-f", deb, "Package").Exit == 0
            ? ReadConffiles(deb) : "");

        var root = _dir.File("scratch-root");
        Assert.Equal(0, Run("dpkg-deb", "-x", deb, root).Exit);
        Assert.Equal("755", Mode(Path.Combine(root, "usr/bin/remapper")));
        Assert.Equal("0.1.0-stub", Run(Path.Combine(root, "usr/bin/remapper")).Out.Trim());
        var unitPath = Path.Combine(root, "usr/lib/systemd/system/remapper.service");
        var unit = File.ReadAllText(unitPath);
        Assert.Contains("ExecStart=/usr/bin/remapper run --system", unit);
        foreach (var line in new[] { "Type=notify", "WatchdogSec=", "User=remapper", "SupplementaryGroups=input", "NoNewPrivileges=yes",
                     "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "DevicePolicy=closed", "DeviceAllow=/dev/uhid rw",
                     "DeviceAllow=/dev/uinput rw", "DeviceAllow=char-input rw", "RuntimeDirectory=remapper", "ExecReload=/bin/kill -HUP $MAINPID" })
            Assert.Contains(line, unit);
        Assert.Contains("GROUP=\"remapper\", MODE=\"0660\"", File.ReadAllText(Path.Combine(root, "usr/lib/udev/rules.d/60-remapper.rules")));

        if (!Have("systemd-analyze"))
        {
            _output.WriteLine("SKIPPED (part): systemd-analyze is not installed; the unit's content was checked line by line");
            return;
        }
        // Verify the unit as installed, pointing ExecStart at the extracted binary (verify checks it is executable).
        var verifiable = _dir.File("remapper.service");
        File.WriteAllText(verifiable, unit.Replace("ExecStart=/usr/bin/remapper", $"ExecStart={root}/usr/bin/remapper"));
        var verify = Run("systemd-analyze", "verify", verifiable);
        Assert.True(verify.Exit == 0, verify.Out + verify.Err);
        Assert.Equal("", (verify.Out + verify.Err).Trim()); // verify reports bad lines as warnings, not as its exit code
        var broken = _dir.File("broken.service");
        File.WriteAllText(broken, unit.Replace("Type=notify", "Type=notifyy").Replace("ExecStart=/usr/bin/remapper", $"ExecStart={root}/usr/bin/remapper"));
        var brokenVerify = Run("systemd-analyze", "verify", broken);
        Assert.Contains("notifyy", brokenVerify.Out + brokenVerify.Err); // the check can fail
    }

    private string ReadConffiles(string deb)
    {
        var control = _dir.File("control");
        Assert.Equal(0, Run("dpkg-deb", "-e", deb, control).Exit);
        return File.ReadAllText(Path.Combine(control, "conffiles")).Trim();
    }

    public void Dispose() => _dir.Dispose();
}
