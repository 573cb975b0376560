namespace Remapper.MacOS.Loop;

/// <summary>
/// The wait at the heart of the loop thread. On macOS it is the thread's CFRunLoop, so IOKit's device and value
/// callbacks run on this thread between waits; tests use a managed wait. Everything except <see cref="Wake"/> is
/// called on the loop thread.
/// </summary>
public interface IRunLoopDriver : IDisposable
{
    /// <summary>Binds to the calling (loop) thread; runs before anything is scheduled on it.</summary>
    void Attach();

    /// <summary>Waits up to <paramref name="timeoutMs"/> for work, running the callbacks that arrive meanwhile.</summary>
    void RunOnce(int timeoutMs);

    /// <summary>Any thread: makes the current or next <see cref="RunOnce"/> return promptly (posted work is waiting).</summary>
    void Wake();

    /// <summary>Loop thread, from inside a callback: end the current <see cref="RunOnce"/> (a new, earlier deadline).</summary>
    void Interrupt();
}
