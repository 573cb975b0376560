using System.Text.Json;
using Remapper.Cli;
using Remapper.Core.Hid;
using Remapper.Daemon.Tests.Fakes;

namespace Remapper.Daemon.Tests.Cli;

/// <summary>The CLI's daemon commands, in-process, against a real socket server.</summary>
public sealed class CliClientTests : IAsyncLifetime
{
    private InProcessDaemon _daemon = null!;

    public Task InitializeAsync()
    {
        _daemon = InProcessDaemon.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = RemapperCli.Run([.. args, "--socket", _daemon.SocketPath], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Status_shows_state_keymap_output_and_an_aligned_keyboard_table()
    {
        var (exit, output, error) = Run("status");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains(": running (", output);
        Assert.Contains($"keymap   {_daemon.KeymapPath} (from --config)", output);
        Assert.Contains("output   fake Ready", output);
        var lines = output.Split('\n');
        var header = lines.Single(l => l.StartsWith("KEYBOARD", StringComparison.Ordinal));
        var row = lines.Single(l => l.StartsWith("Test Keyboard", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("STATE", StringComparison.Ordinal), row.IndexOf("Seized", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_says_when_the_virtual_keyboard_could_not_send_a_key()
    {
        Assert.DoesNotContain("not sent", Run("status").Out); // nothing to say in normal typing
        _daemon.Backend.SetUnsentKeys(2);
        Waiting.Until(() => _daemon.Backend.Status.Counters.UnsentKeys == 2, "the fake loop to publish");
        var (_, output, _) = Run("status");
        string words = string.Join(' ', output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)); // status wraps at 80 columns
        Assert.Contains("2 key presses not sent (more keys held at once than the virtual keyboard reports", words);
        var json = JsonDocument.Parse(Run("status", "--json").Out).RootElement;
        Assert.Equal(2, json.GetProperty("counters").GetProperty("unsentKeys").GetInt64());
    }

    [Fact]
    public void Status_json_is_the_daemons_status_object()
    {
        var (exit, output, _) = Run("status", "--json");
        Assert.Equal(0, exit);
        var status = JsonDocument.Parse(output).RootElement;
        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(_daemon.KeymapPath, status.GetProperty("keymap").GetProperty("path").GetString());
    }

    [Fact]
    public void Status_shows_the_diagnostics_of_a_rejected_keymap()
    {
        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"nope\"\n");
        _daemon.Reloader.Reload(Remapper.Daemon.Config.ReloadTrigger.Request);
        var (exit, output, _) = Run("status");
        Assert.Equal(ExitCodes.Failed, exit); // scripts see the broken keymap in the exit code
        Assert.Contains("config-error", output);
        Assert.Contains("INVALID: the keymap loaded", output);
        Assert.Contains($"{_daemon.KeymapPath}:3:", output);
    }

    [Fact]
    public void Reload_prints_success_or_the_diagnostics_with_exit_code_1()
    {
        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"c\"\n");
        var ok = Run("reload");
        Assert.Equal(0, ok.Exit);
        Assert.Contains($"{_daemon.KeymapPath}: reloaded", ok.Out);

        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"nope\"\n");
        var bad = Run("reload");
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith($"{_daemon.KeymapPath}:3:", bad.Out);
        Assert.Contains("error", bad.Out);
        Assert.Contains("the previous keymap keeps running", bad.Err);
    }

    [Fact]
    public void Pause_and_resume_change_the_daemon()
    {
        Assert.Equal(0, Run("pause").Exit);
        _daemon.Backend.Sync();
        Assert.True(_daemon.Backend.Status.Paused);
        Assert.Contains("PAUSED", Run("status").Out);
        var resumed = Run("resume");
        Assert.Equal((0, "remapping resumed"), (resumed.Exit, resumed.Out.Trim()));
        _daemon.Backend.Sync();
        Assert.False(_daemon.Backend.Status.Paused);
    }

    [Fact]
    public async Task Monitor_shows_input_and_output_side_by_side()
    {
        var run = Task.Run(() => Run("monitor", "--count", "4"));
        Waiting.Until(() => _daemon.Server.ClientCount == 1, "the monitor to connect");
        Thread.Sleep(200); // let it subscribe before typing
        _daemon.Backend.Key(Usage.Key(0x04), true);
        _daemon.Backend.Key(Usage.Key(0x04), false);
        var (exit, output, error) = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((0, ""), (exit, error));
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("        TIME  INPUT", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^\s+0\.000000  a ↓ \[0\]\s*$", lines[1]);
        var outputColumn = lines[0].IndexOf("OUTPUT", StringComparison.Ordinal);
        Assert.Equal(outputColumn, lines[2].IndexOf("b ↓", StringComparison.Ordinal));
        Assert.Contains("a ↑", lines[3]);
        Assert.Equal(outputColumn, lines[4].IndexOf("b ↑", StringComparison.Ordinal));
    }

    [Fact]
    public void The_client_may_be_closed_twice_as_ctrl_c_and_the_end_of_monitor_both_do()
    {
        var client = _daemon.Connect();
        client.Dispose();
        client.Dispose();
    }

    [Fact]
    public async Task Monitor_says_so_when_the_daemon_goes_away()
    {
        var run = Task.Run(() => Run("monitor"));
        Waiting.Until(() => _daemon.Server.ClientCount == 1, "the monitor to connect");
        await _daemon.Server.DisposeAsync();
        var (exit, _, error) = await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, exit);
        // End of stream or a reset, depending on timing: either way one line that names the daemon.
        Assert.Matches("^remapper monitor: (the daemon closed the stream|lost the connection to the daemon: .*)$", error.TrimEnd());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("reload")]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("monitor")]
    public void Without_a_daemon_every_client_says_so_in_one_line_and_exits_3(string command)
    {
        var missing = Path.Combine(_daemon.Dir.Path, "nobody-here.sock");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = RemapperCli.Run([command, "--socket", missing], output, error);
        Assert.Equal(3, exit);
        Assert.Equal("", output.ToString());
        Assert.Equal($"remapper {command}: remapper is not running (no socket at {missing})", error.ToString().TrimEnd());
    }

    [Fact]
    public void Status_exit_code_says_paused_and_json_keeps_it()
    {
        Assert.Equal(0, Run("pause").Exit);
        Assert.Equal(ExitCodes.Paused, Run("status").Exit);
        Assert.Equal(ExitCodes.Paused, Run("status", "--json").Exit);
        Assert.Equal(0, Run("resume").Exit);
        Assert.Equal(ExitCodes.Ok, Run("status").Exit);
    }

    [Fact]
    public void Reload_json_prints_json_when_the_keymap_is_invalid_too()
    {
        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"nope\"\n");
        var (exit, output, _) = Run("reload", "--json");
        Assert.Equal(ExitCodes.Failed, exit);
        var response = JsonDocument.Parse(output).RootElement;
        Assert.False(response.GetProperty("ok").GetBoolean());
        var error = response.GetProperty("error");
        Assert.Equal("invalid_keymap", error.GetProperty("code").GetString());
        Assert.Equal(3, error.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("reload")]
    [InlineData("status")]
    public void Json_without_a_daemon_is_json_too_and_exits_3(string command)
    {
        var missing = Path.Combine(_daemon.Dir.Path, "nobody-here.sock");
        var output = new StringWriter();
        var exit = RemapperCli.Run([command, "--json", "--socket", missing], output, new StringWriter());
        Assert.Equal(ExitCodes.NotRunning, exit);
        var response = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.False(response.GetProperty("ok").GetBoolean());
        Assert.Equal("not_running", response.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Status_fits_an_80_column_terminal_except_for_whole_diagnostics()
    {
        File.WriteAllText(_daemon.KeymapPath, "version = 1\n[remap]\na = \"nope\"\n");
        _daemon.Reloader.Reload(Remapper.Daemon.Config.ReloadTrigger.Request);
        var (_, output, _) = Run("status");
        Assert.All(output.Split('\n').Where(l => !l.Contains(_daemon.KeymapPath + ":", StringComparison.Ordinal)),
            line => Assert.True(line.Length <= 80, $"longer than 80 columns: {line}"));
    }

    [Fact]
    public void Monitor_says_up_front_when_nothing_can_appear()
    {
        var (exit, _, error) = Run("monitor", "--count", "0");
        Assert.Equal(0, exit);
        Assert.Equal("", error); // a seized keyboard and a ready output: nothing to warn about

        _daemon.Backend.SetKeyboards(new Remapper.Backend.KeyboardStatus(
            new Remapper.Core.Devices.KeyboardIdentity("usb:1:2:x", "Test Keyboard", Remapper.Core.Devices.DeviceBus.Usb, 1, 2, "x"), null,
            Remapper.Backend.KeyboardState.AccessDenied, null));
        (exit, _, error) = Run("monitor", "--count", "0");
        Assert.Equal(0, exit);
        Assert.Contains("nothing can appear yet: no keyboard is seized", error);
        Assert.Contains("monitor --raw", error);
    }

    [Fact]
    public async Task Status_says_when_the_shipped_default_runs_and_names_the_file_the_daemon_would_run()
    {
        await using var daemon = InProcessDaemon.Start(shippedDefault: true);
        var output = new StringWriter();
        var exit = RemapperCli.Run(["status", "--socket", daemon.SocketPath], output, new StringWriter());
        Assert.Equal(0, exit);
        // The daemon's keymap.fileToCreate, not the file this CLI process would pick: a system service or another
        // user's daemon runs from another path.
        const string own = "~/.config/remapper/config.toml";
        Assert.NotEqual(own, Remapper.Daemon.Config.KeymapLocator.ForThisProcess().OwnKeymapPath(systemService: false));
        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\s+", " "); // as read, whatever the wrapping
        Assert.StartsWith("remapper ", output.ToString());
        Assert.Contains("(the shipped default, because", text);
        Assert.Contains($"to use your own keymap, create {own} (`remapper init` writes a starter)", text);
    }
}
