namespace Remapper.MacOS.Loop;

/// <summary>
/// A run loop without CoreFoundation: a timed wait on an event. It is the loop the backend runs on where there is no
/// CFRunLoop (the tests on Linux); callbacks are then delivered as posted work.
/// </summary>
public sealed class ManagedRunLoopDriver : IRunLoopDriver
{
    private readonly AutoResetEvent _signal = new(false);

    public void Attach() { }

    public void RunOnce(int timeoutMs) => _signal.WaitOne(timeoutMs);

    public void Wake() => _signal.Set();

    public void Interrupt() => _signal.Set();

    public void Dispose() => _signal.Dispose();
}
