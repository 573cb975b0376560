using Remapper.Linux.Discovery;

namespace Remapper.Linux.Keyboards;

/// <summary>A scan's result: the devices, and a machine-wide note when there is no input subsystem to scan.</summary>
public sealed record ScanResult(IReadOnlyList<InputDeviceInfo> Devices, string? InputNote);

/// <summary>
/// Runs scans off the event loop thread (sysfs reads are slow enough to delay keys) and hands each result to
/// <c>deliver</c>, which posts it to the loop. Requests while a scan runs fold into one more scan after it, so a burst
/// of hotplug events costs at most two scans.
/// </summary>
public sealed class ScanWorker(Func<ScanResult> scan, Action<ScanResult> deliver, Action<Exception> failed)
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;

    /// <summary>Asks for a scan; returns at once.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(_ => Run(), null);
    }

    private void Run()
    {
        while (true)
        {
            try
            {
                deliver(scan());
            }
            catch (Exception e)
            {
                failed(e);
            }
            lock (_gate)
            {
                if (!_again)
                {
                    _running = false;
                    return;
                }
                _again = false;
            }
        }
    }
}
