using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace Remapper.Daemon.Hosting;

/// <summary>
/// The daemon's Serilog setup. Under systemd (<c>$JOURNAL_STREAM</c> set) each line starts with its syslog priority
/// (<c>&lt;3&gt;</c> error … <c>&lt;7&gt;</c> debug) so journald records the level, and carries no timestamp (the
/// journal has one). On a terminal lines get a time and colour; piped elsewhere, no colour.
/// </summary>
public static class DaemonLogging
{
    internal const string JournalTemplate = "{SyslogPriority}{Message:lj}{NewLine}{Exception}";
    private const string TerminalTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    public static Logger Create(DaemonOptions options, Func<string, string?>? env = null, bool? stderrIsTerminal = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        bool journal = !string.IsNullOrEmpty(env("JOURNAL_STREAM"));
        bool terminal = stderrIsTerminal ?? !Console.IsErrorRedirected;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(options.Verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            // The host's own chatter (lifetime, hosting) is only interesting when something goes wrong.
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            // A failed start is reported by RemapperDaemon.RunAsync in one line; the host's own report is a stack trace.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .Enrich.With<SyslogPriorityEnricher>();

        var theme = terminal && !journal && env("NO_COLOR") is null ? AnsiConsoleTheme.Code : ConsoleTheme.None;
        var template = journal ? JournalTemplate : TerminalTemplate;
        // Logs go to stderr: stdout stays free for what `remapper run` prints for scripts.
        configuration = configuration.WriteTo.Console(outputTemplate: template, theme: theme,
            standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: null);

        if (!string.IsNullOrWhiteSpace(options.LogFile))
            // Exactly the file named (a daily interval would put the date into its name); at 10 MB it continues in
            // PATH_001, PATH_002 ... and the oldest beyond 7 files is deleted.
            configuration = configuration.WriteTo.File(options.LogFile, outputTemplate: FileTemplate, formatProvider: null,
                rollingInterval: RollingInterval.Infinite, fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true,
                retainedFileCountLimit: 7);
        return configuration.CreateLogger();
    }

    /// <summary>sd-daemon(3) priority prefixes, by Serilog level.</summary>
    internal static string PriorityOf(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => "<2>",
        LogEventLevel.Error => "<3>",
        LogEventLevel.Warning => "<4>",
        LogEventLevel.Information => "<6>",
        _ => "<7>",
    };

    internal sealed class SyslogPriorityEnricher : ILogEventEnricher
    {
        private static readonly LogEventProperty[] Properties = Enum.GetValues<LogEventLevel>()
            .Select(l => new LogEventProperty("SyslogPriority", new ScalarValue(PriorityOf(l)))).ToArray();

        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) =>
            logEvent.AddPropertyIfAbsent(Properties[(int)logEvent.Level]);
    }
}
