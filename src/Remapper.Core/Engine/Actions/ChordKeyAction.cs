using Remapper.Core.Hid;
using Remapper.Core.Keymap;

namespace Remapper.Core.Engine.Actions;

/// <summary>
/// <c>escape</c>, <c>ctrl+shift+t</c>: pressed in order, released in <see cref="Order"/> (reverse by default; kanata's
/// in the order they went down, keyd's the key first). <see cref="EndsAtNextPress"/>: the keys go up at the next key press already
/// (kanata's output chords), and the release of the key sends nothing more.
/// </summary>
internal sealed class ChordKeyAction(Usage[] keys, ChordReleaseOrder order = ChordReleaseOrder.Reverse, bool endsAtNextPress = false) : KeyAction
{
    public Usage[] Keys { get; } = keys;

    public ChordReleaseOrder Order { get; } = order;

    public bool EndsAtNextPress { get; } = endsAtNextPress;

    public override void Press(EngineState state, in Trigger trigger) =>
        state.Output.PressChord(this, Keys, EndsAtNextPress, Order);

    public override void Release(EngineState state, in Trigger trigger) =>
        state.Output.ReleaseChord(this, Keys, EndsAtNextPress, Order);
}
