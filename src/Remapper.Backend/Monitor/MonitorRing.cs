using System.Numerics;
using Remapper.Core.Hid;

namespace Remapper.Backend.Monitor;

/// <summary>
/// A fixed-capacity ring of the most recent key events. One producer (the event loop thread) writes without
/// locks or allocation and never waits for anyone; any number of readers poll it with their own
/// <see cref="MonitorCursor"/>. A reader that falls more than a ring behind learns how many events it missed.
/// </summary>
/// <remarks>
/// Each slot carries the sequence number of the event in it (a per-slot seqlock): the producer marks the slot
/// invalid, writes the event, then publishes the sequence. A reader copies the event and re-checks the sequence;
/// if it changed, the producer lapped the reader mid-copy and the event counts as dropped. Readers never write.
/// </remarks>
public sealed class MonitorRing
{
    private struct Slot
    {
        public long Sequence; // sequence + 1 of the event stored, 0 while being written
        public MonitorEvent Event;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;
    private long _next; // sequence number the next write gets; written only by the producer

    public MonitorRing(int capacity = 4096)
    {
        if (capacity < 2) throw new ArgumentOutOfRangeException(nameof(capacity), "a ring needs at least 2 slots");
        capacity = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _slots = new Slot[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _slots.Length;

    /// <summary>How many events were ever written.</summary>
    public long Written => Volatile.Read(ref _next);

    /// <summary>Records one event. Producer thread only; no allocation, no lock, no waiting.</summary>
    public void Write(in MonitorEvent e)
    {
        long seq = _next;
        ref var slot = ref _slots[seq & _mask];
        Volatile.Write(ref slot.Sequence, 0);
        Interlocked.MemoryBarrier(); // the invalid mark must be visible before any byte of the new event
        slot.Event = e;
        Volatile.Write(ref slot.Sequence, seq + 1);
        Volatile.Write(ref _next, seq + 1);
    }

    public void WriteInput(long timeUs, int device, Usage usage, bool down) =>
        Write(new MonitorEvent(timeUs, device, usage, down, MonitorDirection.Input));

    public void WriteOutput(long timeUs, Usage usage, bool down) =>
        Write(new MonitorEvent(timeUs, -1, usage, down, MonitorDirection.Output));

    /// <summary>A reader that starts with the next event written (not the backlog).</summary>
    public MonitorCursor OpenCursor() => new(this, Written);

    /// <summary>
    /// Copies events at and after <paramref name="position"/> into <paramref name="into"/>. Returns how many were copied;
    /// <paramref name="dropped"/> counts events that were overwritten before this reader got to them.
    /// </summary>
    internal int Read(ref long position, Span<MonitorEvent> into, out long dropped)
    {
        dropped = 0;
        long head = Written;
        if (head - position > _slots.Length)
        {
            dropped = head - _slots.Length - position;
            position = head - _slots.Length;
        }
        int n = 0;
        while (position < head && n < into.Length)
        {
            ref var slot = ref _slots[position & _mask];
            long before = Volatile.Read(ref slot.Sequence);
            var e = slot.Event;
            Interlocked.MemoryBarrier();
            long after = Volatile.Read(ref slot.Sequence);
            if (before == position + 1 && after == before) into[n++] = e;
            else dropped++;
            position++;
        }
        return n;
    }
}

/// <summary>One reader's place in a <see cref="MonitorRing"/>. Not thread-safe: one per reader.</summary>
public sealed class MonitorCursor(MonitorRing ring, long start)
{
    private long _position = start;

    /// <summary>Events written since the last poll (up to <paramref name="into"/>'s length) and how many were lost.</summary>
    public int Poll(Span<MonitorEvent> into, out long dropped) => ring.Read(ref _position, into, out dropped);
}
