using Microsoft.Extensions.Logging;
using Remapper.Linux.Loop;

namespace Remapper.Linux.Service;

/// <summary>The Linux backend's log lines into the daemon's logging (Serilog underneath).</summary>
public sealed class LoggerBackendLog(ILogger logger) : IBackendLog
{
    public bool IsDebugEnabled => logger.IsEnabled(LogLevel.Debug);
    public void Debug(string message) => logger.LogDebug("{Message}", message);
    public void Info(string message) => logger.LogInformation("{Message}", message);
    public void Warning(string message) => logger.LogWarning("{Message}", message);
    public void Error(string message) => logger.LogError("{Message}", message);
}
