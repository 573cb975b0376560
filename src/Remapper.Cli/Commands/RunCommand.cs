using System.CommandLine;
using Microsoft.Extensions.Logging;
using Remapper.Backend;
using Remapper.Daemon.Hosting;
using Remapper.Linux.Probe;
using Remapper.Linux.Service;

namespace Remapper.Cli.Commands;

/// <summary>
/// `remapper run`: the daemon in the foreground (and under systemd). Locates and loads the keymap, creates the
/// virtual keyboard, seizes every keyboard it may, serves the control socket and reloads the keymap when it
/// changes — until SIGINT/SIGTERM, when it lets go of everything.
/// </summary>
internal static class RunCommand
{
    /// <summary>Printed on stdout once the virtual keyboard exists and the first scan is done; scripts and the e2e harness wait for it.</summary>
    public const string ReadyMarker = "remapper: ready";

    public static Command Create()
    {
        var daemon = new DaemonRunOptions();
        var output = new Option<string>("--output")
        {
            Description = "Virtual keyboard: auto (uhid, else uinput), uhid or uinput",
            DefaultValueFactory = _ => "auto",
        };
        output.AcceptOnlyFromAmong("auto", "uhid", "uinput");
        var realtime = new Option<bool>("--realtime")
        {
            Description = "Linux: run the event loop thread under SCHED_FIFO 49 and lock memory, as keyd does (needs CAP_SYS_NICE "
                + "or LimitRTPRIO=49, and CAP_IPC_LOCK or LimitMEMLOCK=infinity; when refused it says so and runs normally)",
        };
        var command = new Command("run", "Run the remapper daemon in the foreground: seize the keyboards, remap them through the keymap, "
            + "reload the keymap when it changes, and answer `remapper status` and friends on a Unix socket.");
        daemon.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(realtime);
        command.SetAction((parse, cancellation) =>
        {
            var choice = Enum.Parse<OutputChoice>(parse.GetValue(output) ?? "auto", ignoreCase: true);
            return RunAsync(parse.InvocationConfiguration.Output, daemon.Read(parse), choice, parse.GetValue(realtime), cancellation);
        });
        return command;
    }

    private static Task<int> RunAsync(TextWriter stdout, DaemonOptions options, OutputChoice choice, bool realtime, CancellationToken cancellation)
    {
        if (OperatingSystem.IsMacOS())
            return RemapperDaemon.RunAsync(options, Remapper.MacOS.MacBackendFactory.Create(new Remapper.MacOS.MacBackendOptions(), kind =>
            {
                stdout.WriteLine($"{ReadyMarker} (output: {kind})");
                stdout.Flush();
            }), cancellation);
        return RemapperDaemon.RunAsync(options, (keymap, loggers, _) =>
        {
            var logger = loggers.CreateLogger("Remapper.Linux");
            var backend = new LinuxBackend(keymap, ProbeEnvironment.System(), choice, new LoggerBackendLog(logger), kind =>
            {
                stdout.WriteLine($"{ReadyMarker} (output: {kind})");
                stdout.Flush();
            }, realtime: realtime);
            backend.Start();
            return Task.FromResult<IRemapBackend>(backend);
        }, cancellation);
    }
}
