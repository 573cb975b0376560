using Remapper.Core.Engine;
using Remapper.Core.Hid;
using Remapper.Linux.Probe;

namespace Remapper.Linux.Output;

/// <summary>Remapper's output device. The event loop polls <see cref="Fd"/> for LED reports coming back.</summary>
public interface IVirtualKeyboard : IKeyOutput, IDisposable
{
    OutputKind Kind { get; }

    /// <summary>The fd to watch for output (LED) reports from the kernel.</summary>
    int Fd { get; }

    /// <summary>Drains what the kernel sent (LED state, report requests) and answers it.</summary>
    void OnReadable();

    /// <summary>The lock LEDs the desktop last set on the virtual keyboard.</summary>
    KeyboardLeds Leds { get; }

    /// <summary>Key changes that could not be written since the device was created.</summary>
    long FailedWrites { get; }

    /// <summary>
    /// Key presses the device had no way to send since it was created: a usage it cannot express, or (uhid) a key
    /// pressed while every key slot of the report was taken. Shown by <c>remapper status</c>.
    /// </summary>
    long UnsentKeys { get; }

    /// <summary>The errno of the last write when it failed; 0 once a write succeeds again. Read by the loop after each batch.</summary>
    int LastWriteErrno { get; }
}

/// <summary>Receives lock-LED changes from the virtual keyboard, to mirror them on the physical ones.</summary>
public interface ILedSink
{
    void SetLeds(KeyboardLeds leds);
}
