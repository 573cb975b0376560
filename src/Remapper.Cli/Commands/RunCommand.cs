using System.CommandLine;
using System.Runtime.InteropServices;
using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Linux.Loop;
using Remapper.Linux.Output;
using Remapper.Linux.Probe;
using Serilog;
using Serilog.Events;

namespace Remapper.Cli.Commands;

/// <summary>
/// `remapper run`: the daemon in the foreground. Loads the keymap, creates the virtual keyboard, seizes every
/// keyboard it may, remaps until SIGINT/SIGTERM, then lets go of everything.
/// </summary>
internal static class RunCommand
{
    /// <summary>Printed on stdout once the virtual keyboard exists and the first scan is done; scripts and the e2e harness wait for it.</summary>
    public const string ReadyMarker = "remapper: ready";

    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Keymap file (default: the shipped config/default.toml, else /etc/remapper/config.toml)" };
        var output = new Option<string>("--output") { Description = "Virtual keyboard: auto (uhid, else uinput), uhid or uinput", DefaultValueFactory = _ => "auto" };
        output.AcceptOnlyFromAmong("auto", "uhid", "uinput");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every key event (debug level)" };
        var command = new Command("run", "Run the remapper in the foreground") { config, output, verbose };
        command.SetAction(parse => Run(parse.Out(), parse.GetValue(config), parse.GetValue(output) ?? "auto", parse.GetValue(verbose)));
        return command;
    }

    private static int Run(TextWriter stdout, string? configPath, string outputChoice, bool verbose)
    {
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose)
            .CreateLogger();
        try
        {
            return RunLogged(stdout, configPath, outputChoice);
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }

    private static int RunLogged(TextWriter stdout, string? configPath, string outputChoice)
    {
        var model = TryLoadKeymap(configPath, out var check);
        if (model is null)
        {
            Log.Error("keymap {Path} not loaded:", check.Path);
            foreach (var d in check.Diagnostics) Log.Error("  {Diagnostic}", d);
            return ExitCodes.Failed;
        }
        Log.Information("keymap: {Path}", check.Path ?? "none found; keys pass through unchanged");

        Log.Debug("probing the output devices");
        var env = ProbeEnvironment.System();
        var leds = new LedMirror();
        var log = new SerilogBackendLog();

        IVirtualKeyboard? keyboard;
        OutputStatus outputStatus;
        Log.Debug("creating the virtual keyboard");
        if (outputChoice == "uinput")
            keyboard = VirtualKeyboardFactory.Create(env, leds, allowUhid: false, out outputStatus);
        else
            keyboard = VirtualKeyboardFactory.Create(env, leds, allowUhid: true, out outputStatus);
        if (outputChoice == "uhid" && keyboard is { Kind: not OutputKind.Uhid })
        {
            keyboard.Dispose();
            keyboard = null;
        }

        if (keyboard is null)
        {
            // Without a virtual keyboard, seizing a keyboard would only swallow its keys: stop here, with the reasons.
            Log.Error("no virtual keyboard can be created, so nothing can be remapped: {Reason}", outputStatus.Reason);
            foreach (var node in new[] { outputStatus.Uhid, outputStatus.Uinput })
                if (node.Fix is not null) Log.Error("  {Node}: fix: {Fix}", node.Node, node.Fix);
            var probe = new SystemProbe(env).Run(model.Devices, outputStatus);
            if (probe.Snapshot.InputNote is not null) Log.Error("  input devices: {Note}", probe.Snapshot.InputNote);
            Log.Error("`remapper doctor` explains every problem found");
            return ExitCodes.Failed;
        }
        Log.Information("virtual keyboard: {Kind} ({Reason})", keyboard.Kind.ToString().ToLowerInvariant(), outputStatus.Reason);

        using var stop = new ManualResetEventSlim();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Set(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Set(); });

        try
        {
            var engine = new RemapEngine(CompiledKeymap.Compile(model), keyboard);
            using var loop = new EventLoop(env, engine, keyboard, outputStatus, leds, model.Devices, log);
            loop.Start();
            var status = loop.Status;
            if (status.InputNote is not null) Log.Warning("input devices: {Note}", status.InputNote);
            if (status.Keyboards.Count == 0) Log.Warning("no keyboard found yet; waiting for one to be plugged in");

            stdout.WriteLine($"{ReadyMarker} (output: {keyboard.Kind.ToString().ToLowerInvariant()})");
            stdout.Flush();

            if (WaitHandle.WaitAny([stop.WaitHandle, loop.Finished]) == 1)
            {
                // The loop logged why; its keyboards are already released.
                Log.Error("the event loop stopped unexpectedly; exiting");
                return ExitCodes.Failed;
            }
            Log.Information("stopping: releasing keyboards");
            loop.Stop();
        }
        finally
        {
            keyboard.Dispose();
        }
        Log.Information("stopped");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Finds and loads the keymap: <paramref name="explicitPath"/>, else config/default.toml next to the binary, else
    /// /etc/remapper/config.toml. No file at all gives an empty keymap (every key passes through). Null when the
    /// file has errors; <paramref name="check"/> says what happened either way.
    /// </summary>
    internal static KeymapModel? TryLoadKeymap(string? explicitPath, out KeymapCheck check)
    {
        var path = explicitPath ?? ShippedKeymap.Find() ?? (File.Exists(EtcKeymap) ? EtcKeymap : null);
        if (path is null)
        {
            check = new KeymapCheck(null, true, []);
            return new KeymapModel("", 1, new KeymapSettings(), [], [], [], []);
        }
        var result = KeymapLoader.LoadFile(path);
        var diagnostics = result.Diagnostics.Select(d => d.ToString()).ToArray();
        check = new KeymapCheck(path, result.Success, diagnostics);
        return result.Success ? result.Model : null;
    }

    private const string EtcKeymap = "/etc/remapper/config.toml";

    /// <summary>The backend's log lines into Serilog.</summary>
    private sealed class SerilogBackendLog : IBackendLog
    {
        public bool IsDebugEnabled => Log.IsEnabled(LogEventLevel.Debug);
        public void Debug(string message) => Log.Debug("{Message:l}", message);
        public void Info(string message) => Log.Information("{Message:l}", message);
        public void Warning(string message) => Log.Warning("{Message:l}", message);
        public void Error(string message) => Log.Error("{Message:l}", message);
    }
}
