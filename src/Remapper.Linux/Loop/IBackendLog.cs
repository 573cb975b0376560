namespace Remapper.Linux.Loop;

/// <summary>
/// Where the backend reports what happens (the CLI plugs in Serilog). Called on the event loop thread, only on
/// state changes; never per key event above Debug.
/// </summary>
public interface IBackendLog
{
    bool IsDebugEnabled { get; }
    void Debug(string message);
    void Info(string message);
    void Warning(string message);
    void Error(string message);
}

/// <summary>Swallows everything (tests, probes).</summary>
public sealed class NullBackendLog : IBackendLog
{
    public static readonly NullBackendLog Instance = new();
    public bool IsDebugEnabled => false;
    public void Debug(string message) { }
    public void Info(string message) { }
    public void Warning(string message) { }
    public void Error(string message) { }
}
