namespace Remapper.Core.Engine;

/// <summary>
/// Events waiting for a decision (a tap-hold key that is not yet tap or hold). A ring buffer with
/// indexed access and removal from the middle, because the decision may consume the key's own release.
/// </summary>
internal sealed class EventQueue
{
    private readonly KeyEvent[] _items;
    private int _head;

    public EventQueue(int capacity) => _items = new KeyEvent[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    public ref readonly KeyEvent this[int i] => ref _items[(_head + i) % _items.Length];

    public void Enqueue(in KeyEvent e)
    {
        _items[(_head + Count) % _items.Length] = e;
        Count++;
    }

    public KeyEvent Dequeue()
    {
        var e = _items[_head];
        _head = (_head + 1) % _items.Length;
        Count--;
        return e;
    }

    public void RemoveAt(int index)
    {
        for (int i = index; i < Count - 1; i++)
            _items[(_head + i) % _items.Length] = _items[(_head + i + 1) % _items.Length];
        Count--;
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
