using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class EmergencyTests
{
    [Fact]
    public void Emergency_sequence_releases_everything_and_pauses_until_pressed_again()
    {
        var rig = new EngineRig(Model(remap: [Bind(A, Chord(B)), Bind(Caps, Chord(RCtrl))]));
        rig.Down(Caps).Down(LCtrl).Down(Space).Down(Esc);
        Assert.True(rig.Engine.IsPaused);
        Assert.Equal(0, rig.Engine.PressedOutputCount);
        rig.Up(Esc).Up(Space).Up(LCtrl).Up(Caps);
        rig.Output.Clear();

        rig.Tap(A);
        Assert.Equal([$"{A} down", $"{A} up"], rig.Output.Log);

        rig.Down(LCtrl).Down(Space).Down(Esc).Up(Esc).Up(Space).Up(LCtrl);
        Assert.False(rig.Engine.IsPaused);
        rig.Output.Clear();
        rig.Tap(A);
        Assert.Equal([$"{B} down", $"{B} up"], rig.Settle());
        Assert.Empty(rig.Output.Violations);
    }
}
