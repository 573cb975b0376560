using Remapper.Core.Devices;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>The examples users copy from the design and the docs must load as written.</summary>
public class KeymapDocumentedExamplesTests
{
    [Fact]
    public void Design_document_example_loads()
    {
        var model = Valid("""
            version = 1

            [settings]
            tapping_term_ms = 200
            combo_term_ms = 50

            [[device]]                          # which keyboards to take over (default: all)
            match = { vendor_id = 0x1050 }      # e.g. a YubiKey: leave it alone
            ignore = true

            [remap]                             # applied to every seized keyboard
            caps_lock = { tap = "escape", hold = "left_control" }
            right_alt = "layer(nav)"
            "j+k" = "escape"                    # combo

            [layer.nav]
            h = "left_arrow"
            j = "down_arrow"
            k = "up_arrow"
            l = "right_arrow"
            u = "ctrl+left_arrow"

            [[rule]]
            description = "Right command alone is escape, held is hyper"
            from = "right_command"
            to = "left_shift+left_control+left_option+left_command"
            to_if_alone = "escape"
            """);
        Assert.Equal(3, model.Remap.Count);
        Assert.Equal(5, model.Layers[0].Bindings.Count);
        Assert.Equal(Usages.RightOption, model.Remap[1].From[0]);
        Assert.True(model.Devices[0].Ignore);
        Assert.Single(model.Rules);
    }

    [Fact]
    public void Language_reference_example_loads()
    {
        var model = Valid("""
            version = 1

            [settings]
            tapping_term_ms = 200

            [alias]
            hyper = "left_shift+left_control+left_option+left_command"

            [remap]
            caps_lock = { tap = "escape", hold = "left_control" }
            right_option = "layer(nav)"
            "j+k" = "escape"
            f1 = ["ctrl+a", "c"]
            insert = "none"

            [layer.nav]
            h = "left_arrow"
            j = "down_arrow"
            k = "up_arrow"
            l = "right_arrow"
            u = "ctrl+left_arrow"
            escape = "_"

            [[device]]
            match = { name = "Apple*", vendor_id = 0x05ac, product_id = 0x0342, bus = "spi", built_in = true }
            ignore = true

            [[device]]
            match = { bus = "usb" }
            [device.remap]
            caps_lock = "escape"

            [[rule]]
            description = "Right command alone is escape, held is hyper"
            from = "right_command"
            to = "@hyper"
            to_if_alone = "escape"
            to_after_key_up = "set(vim, 0)"
            conditions = [
              { type = "variable_if", name = "vim", value = 1 },
              { type = "device_if", identifiers = [ { vendor_id = 0x05ac, built_in = true } ] },
            ]
            alone_timeout_ms = 1000
            held_down_threshold_ms = 500
            """);
        Assert.IsType<SequenceAction>(model.Remap[3].Action);
        Assert.IsType<NoAction>(model.Remap[4].Action);
        Assert.IsType<TransparentAction>(model.Layers[0].Bindings[^1].Action);
        Assert.Equal(DeviceBus.Spi, model.Devices[0].Match.Bus);
        Assert.Equal([Usages.CapsLock], model.Devices[1].Remap[0].From);
        Assert.Equal(2, model.Rules[0].Conditions.Count);
    }
}
