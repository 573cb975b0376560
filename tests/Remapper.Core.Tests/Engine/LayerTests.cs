using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Engine.Km;

namespace Remapper.Core.Tests.Engine;

public class LayerTests
{
    private static string Dn(Remapper.Core.Hid.Usage u) => $"{u} down";
    private static string UpE(Remapper.Core.Hid.Usage u) => $"{u} up";

    private static KeymapModel Nav(LayerActionKind kind) => Model(
        remap: [Bind(Space, Layer("nav", kind))],
        layers: [LayerDef("nav", Bind(H, Chord(Left)), Bind(J, Chord(Down)), Bind(A, new TransparentAction(At)))]);

    [Fact]
    public void Momentary_layer_applies_while_held()
    {
        var rig = new EngineRig(Nav(LayerActionKind.Momentary));
        rig.Down(Space).Tap(H).Up(Space).Tap(H);
        Assert.Equal([Dn(Left), UpE(Left), Dn(H), UpE(H)], rig.Settle());
    }

    [Fact]
    public void Unbound_and_transparent_keys_fall_through_the_layer()
    {
        var rig = new EngineRig(Nav(LayerActionKind.Momentary));
        rig.Down(Space).Tap(A).Tap(B).Up(Space);
        Assert.Equal([Dn(A), UpE(A), Dn(B), UpE(B)], rig.Settle());
    }

    [Fact]
    public void Layer_key_released_before_the_key_it_changed_still_releases_that_key()
    {
        var rig = new EngineRig(Nav(LayerActionKind.Momentary));
        rig.Down(Space).Down(H).Up(Space).Up(H);
        Assert.Equal([Dn(Left), UpE(Left)], rig.Settle());
    }

    [Fact]
    public void Toggle_layer_stays_until_toggled_again()
    {
        var rig = new EngineRig(Nav(LayerActionKind.Toggle));
        rig.Tap(Space).Tap(H).Tap(J).Tap(Space).Tap(H);
        Assert.Equal([Dn(Left), UpE(Left), Dn(Down), UpE(Down), Dn(H), UpE(H)], rig.Settle());
    }

    [Fact]
    public void One_shot_layer_applies_to_the_next_key_only()
    {
        var rig = new EngineRig(Nav(LayerActionKind.OneShot));
        rig.Tap(Space).Tap(H).Tap(H);
        Assert.Equal([Dn(Left), UpE(Left), Dn(H), UpE(H)], rig.Settle());
    }

    [Fact]
    public void One_shot_layer_held_acts_momentary()
    {
        var rig = new EngineRig(Nav(LayerActionKind.OneShot));
        rig.Down(Space).Tap(H).Tap(J).Up(Space).Tap(H);
        Assert.Equal([Dn(Left), UpE(Left), Dn(Down), UpE(Down), Dn(H), UpE(H)], rig.Settle());
    }

    [Fact]
    public void Switch_changes_the_base_layer()
    {
        var model = Model(
            remap: [Bind(F, Layer("colemak", LayerActionKind.SwitchBase)), Bind(Caps, Chord(Esc))],
            layers: [LayerDef("colemak", Bind(J, Chord(KK)), Bind(F, Layer("base", LayerActionKind.SwitchBase)))]);
        var rig = new EngineRig(model);
        rig.Tap(J).Tap(F).Tap(J).Tap(Caps).Tap(F).Tap(J);
        Assert.Equal([Dn(J), UpE(J), Dn(KK), UpE(KK), Dn(Esc), UpE(Esc), Dn(J), UpE(J)], rig.Settle());
    }

    [Fact]
    public void Modifier_held_across_a_layer_switch_applies_to_the_layer_key()
    {
        var rig = new EngineRig(Nav(LayerActionKind.Momentary));
        rig.Down(LShift).Down(Space).Tap(H).Up(Space).Up(LShift);
        Assert.Equal([Dn(LShift), Dn(Left), UpE(Left), UpE(LShift)], rig.Settle());
    }
}
