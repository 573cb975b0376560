using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Remapper.MacOS.Loop;
using static Remapper.MacOS.Native.CoreFoundation;

namespace Remapper.MacOS.Native;

/// <summary>
/// The loop thread's CFRunLoop: IOKit's callbacks run inside <see cref="RunOnce"/>; posted work signals a version-0
/// source, which makes the run return so the loop drains it.
/// </summary>
internal sealed unsafe class CFRunLoopDriver : IRunLoopDriver
{
    private nint _runLoop;
    private nint _source;
    private nint _mode;

    /// <summary>The thread's run loop, for scheduling IOKit objects on (valid after <see cref="Attach"/>).</summary>
    public nint RunLoop => _runLoop;

    public nint Mode => _mode;

    public void Attach()
    {
        _runLoop = CFRunLoopGetCurrent();
        _mode = DefaultMode;
        var context = new CFRunLoopSourceContext { Perform = (nint)(delegate* unmanaged[Cdecl]<nint, void>)&Perform };
        _source = CFRunLoopSourceCreate(0, 0, &context);
        CFRunLoopAddSource(_runLoop, _source, _mode);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Perform(nint info)
    {
        // Nothing to do here: the run returns after a version-0 source is handled, and the loop drains its queue.
    }

    public void RunOnce(int timeoutMs) => CFRunLoopRunInMode(_mode, timeoutMs / 1000.0, 1);

    public void Wake()
    {
        if (_source == 0) return;
        CFRunLoopSourceSignal(_source);
        CFRunLoopWakeUp(_runLoop);
    }

    public void Interrupt() => CFRunLoopStop(_runLoop);

    public void Dispose()
    {
        if (_source == 0) return;
        CFRunLoopSourceInvalidate(_source);
        CFRelease(_source);
        _source = 0;
    }
}
