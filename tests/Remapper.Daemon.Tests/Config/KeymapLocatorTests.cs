using Remapper.Daemon.Config;

namespace Remapper.Daemon.Tests.Config;

public sealed class KeymapLocatorTests
{
    private readonly Dictionary<string, string> _env = new() { ["HOME"] = "/home/ada" };
    private readonly HashSet<string> _files = [];

    private KeymapLocation Locate(string? cli = null, bool system = false) =>
        new KeymapLocator(n => _env.GetValueOrDefault(n), _files.Contains, _baseDirectory).Locate(cli, system);

    private string _baseDirectory = "/opt/remapper";

    [Fact]
    public void Command_line_wins_even_over_the_environment_and_even_when_missing()
    {
        _env["REMAPPER_CONFIG"] = "/env/keymap.toml";
        var location = Locate("/cli/keymap.toml");
        Assert.Equal("/cli/keymap.toml", location.Path);
        Assert.Equal(KeymapOrigin.CommandLine, location.Origin);
    }

    [Fact]
    public void Environment_comes_next()
    {
        _env["REMAPPER_CONFIG"] = "/env/keymap.toml";
        _files.Add("/home/ada/.config/remapper/config.toml");
        Assert.Equal(("/env/keymap.toml", KeymapOrigin.Environment), (Locate().Path, Locate().Origin));
    }

    [Fact]
    public void A_user_run_uses_xdg_config_home_then_dot_config()
    {
        _files.Add("/home/ada/.config/remapper/config.toml");
        Assert.Equal("/home/ada/.config/remapper/config.toml", Locate().Path);
        _env["XDG_CONFIG_HOME"] = "/xdg";
        _files.Add("/xdg/remapper/config.toml");
        Assert.Equal(KeymapOrigin.User, Locate().Origin);
        Assert.Equal("/xdg/remapper/config.toml", Locate().Path);
    }

    [Fact]
    public void The_system_service_uses_etc_and_never_a_home_directory()
    {
        _files.Add("/home/ada/.config/remapper/config.toml");
        _files.Add(KeymapLocator.SystemPath);
        Assert.Equal((KeymapLocator.SystemPath, KeymapOrigin.System), (Locate(system: true).Path, Locate(system: true).Origin));
        _files.Remove(KeymapLocator.SystemPath);
        Assert.Equal(KeymapOrigin.None, Locate(system: true).Origin);
    }

    [Fact]
    public void Without_a_user_keymap_the_shipped_default_next_to_the_binary_is_used_and_the_reason_says_why()
    {
        _files.Add("/opt/remapper/config/default.toml");
        var location = Locate();
        Assert.Equal("/opt/remapper/config/default.toml", location.Path);
        Assert.Equal(KeymapOrigin.ShippedDefault, location.Origin);
        Assert.Contains("/home/ada/.config/remapper/config.toml does not exist", location.Reason);
    }

    [Fact]
    public void A_binary_installed_in_prefix_bin_finds_the_default_in_prefix_share()
    {
        _baseDirectory = "/usr/local/bin/";
        _files.Add("/usr/local/share/remapper/default.toml");
        _files.Add(KeymapLocator.SharedDefaultPath);
        Assert.Equal("/usr/local/share/remapper/default.toml", Locate(system: true).Path);
    }

    [Fact]
    public void With_nothing_anywhere_it_says_where_it_looked()
    {
        var location = Locate();
        Assert.Null(location.Path);
        Assert.Contains("/opt/remapper/config/default.toml", location.Reason);
        Assert.Contains(KeymapLocator.SharedDefaultPath, location.Searched);
    }

    [Fact]
    public void A_build_run_from_a_checkout_uses_the_checkouts_default_not_a_copy_in_bin()
    {
        _baseDirectory = "/src/remapper/src/Remapper.Cli/bin/Release/net10.0/";
        _files.Add("/src/remapper/Remapper.sln");
        _files.Add("/src/remapper/config/default.toml");
        _files.Add("/src/remapper/src/Remapper.Cli/bin/Release/net10.0/config/default.toml"); // a stale copy
        var location = Locate();
        Assert.Equal("/src/remapper/config/default.toml", location.Path);
        Assert.Equal(KeymapOrigin.ShippedDefault, location.Origin);
    }

    [Fact]
    public void While_the_shipped_default_runs_the_location_names_the_file_to_create()
    {
        _files.Add("/opt/remapper/config/default.toml");
        Assert.Equal("/home/ada/.config/remapper/config.toml", Locate().FileToCreate);
        Assert.Equal(KeymapLocator.SystemPath, Locate(system: true).FileToCreate);
        Assert.Equal("/home/ada/.config/remapper/config.toml", Locate().Searched[0]);

        _files.Add("/home/ada/.config/remapper/config.toml");
        Assert.Null(Locate().FileToCreate); // the user's own keymap runs: nothing to create
        Assert.Null(Locate("/cli/keymap.toml").FileToCreate);
    }

    [Fact]
    public void The_own_keymap_path_is_what_init_and_edit_use()
    {
        var locator = new KeymapLocator(n => _env.GetValueOrDefault(n), _files.Contains, _baseDirectory);
        Assert.Equal("/home/ada/.config/remapper/config.toml", locator.OwnKeymapPath(systemService: false));
        Assert.Equal(KeymapLocator.SystemPath, locator.OwnKeymapPath(systemService: true));
        _env.Remove("HOME");
        Assert.Null(locator.OwnKeymapPath(systemService: false));
    }

    [Fact]
    public void The_system_mode_is_only_what_the_command_line_says_never_the_uid()
    {
        // Root running `remapper run` from a shell is a user run: its own keymap, not /etc's.
        Assert.False(new Remapper.Daemon.Hosting.DaemonOptions().IsSystemService);
        Assert.True(new Remapper.Daemon.Hosting.DaemonOptions(System: true).IsSystemService);
    }
}
