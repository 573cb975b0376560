using System.Collections.Concurrent;
using Remapper.Core.Engine;
using Remapper.Core.Hid;

namespace Remapper.Daemon.Tests.Fakes;

/// <summary>The virtual keyboard of the tests: remembers every change the engine sent.</summary>
internal sealed class RecordingOutput : IKeyOutput
{
    public ConcurrentQueue<(Usage Usage, bool Down)> Sent { get; } = new();

    public Action<Usage, bool>? Also { get; set; }

    public void Send(Usage usage, bool down)
    {
        Sent.Enqueue((usage, down));
        Also?.Invoke(usage, down);
    }

    public int Count(Usage usage, bool down) => Sent.Count(s => s.Usage == usage && s.Down == down);
}
