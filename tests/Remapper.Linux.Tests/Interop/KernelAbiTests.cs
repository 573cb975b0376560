using System.Runtime.InteropServices;
using Remapper.Linux.Interop;

namespace Remapper.Linux.Tests.Interop;

/// <summary>A wrong size or number here means the kernel reads garbage or rejects every call: pin them to linux/*.h.</summary>
public class KernelAbiTests
{
    [Fact]
    public void Input_event_is_24_bytes_with_type_code_value_after_the_timeval()
    {
        Assert.Equal(24, Marshal.SizeOf<InputEvent>());
        Assert.Equal(InputEvent.Size, Marshal.SizeOf<InputEvent>());
        Assert.Equal(16, (int)Marshal.OffsetOf<InputEvent>(nameof(InputEvent.Type)));
        Assert.Equal(18, (int)Marshal.OffsetOf<InputEvent>(nameof(InputEvent.Code)));
        Assert.Equal(20, (int)Marshal.OffsetOf<InputEvent>(nameof(InputEvent.Value)));
    }

    [Fact]
    public void Uinput_setup_is_input_id_then_an_80_byte_name_then_ff_effects_max()
    {
        Assert.Equal(92, Marshal.SizeOf<UinputSetup>());
        Assert.Equal(8, Marshal.SizeOf<InputId>());
        Assert.Equal(88, (int)Marshal.OffsetOf<UinputSetup>(nameof(UinputSetup.FfEffectsMax)));
    }

    [Fact]
    public void Uhid_event_layout_matches_linux_uhid_h()
    {
        Assert.Equal(4376, Uhid.EventSize);
        Assert.Equal(4, Uhid.Create2Name);
        Assert.Equal(260, Uhid.Create2RdSize);
        Assert.Equal(262, Uhid.Create2Bus);
        Assert.Equal(280, Uhid.Create2RdData);
        Assert.Equal(6, Uhid.Input2Data);
        Assert.Equal(4100, Uhid.OutputSize);
        Assert.Equal(4102, Uhid.OutputRtype);
        Assert.Equal(11u, Uhid.Create2);
        Assert.Equal(12u, Uhid.Input2);
        Assert.Equal(6u, Uhid.Output);
    }

    [Theory]
    [InlineData("EVIOCGRAB", 0x40044590u)]
    [InlineData("EVIOCSCLOCKID", 0x400445a0u)]
    [InlineData("EVIOCGID", 0x80084502u)]
    [InlineData("EVIOCGKEY(96)", 0x80604518u)]
    [InlineData("EVIOCGLED(8)", 0x80084519u)]
    [InlineData("EVIOCGBIT(EV_KEY,96)", 0x80604521u)]
    [InlineData("EVIOCGNAME(256)", 0x81004506u)]
    [InlineData("UI_DEV_CREATE", 0x5501u)]
    [InlineData("UI_DEV_DESTROY", 0x5502u)]
    [InlineData("UI_DEV_SETUP", 0x405c5503u)]
    [InlineData("UI_SET_EVBIT", 0x40045564u)]
    [InlineData("UI_SET_KEYBIT", 0x40045565u)]
    [InlineData("UI_SET_LEDBIT", 0x40045569u)]
    public void Ioctl_numbers_match_the_kernel_headers(string name, uint expected)
    {
        uint actual = name switch
        {
            "EVIOCGRAB" => Ioctl.EviocGrab,
            "EVIOCSCLOCKID" => Ioctl.EviocSclockid,
            "EVIOCGID" => Ioctl.EviocGid,
            "EVIOCGKEY(96)" => Ioctl.EviocGkey(96),
            "EVIOCGLED(8)" => Ioctl.EviocGled(8),
            "EVIOCGBIT(EV_KEY,96)" => Ioctl.EviocGbit(InputCodes.EvKey, 96),
            "EVIOCGNAME(256)" => Ioctl.EviocGname(256),
            "UI_DEV_CREATE" => Ioctl.UiDevCreate,
            "UI_DEV_DESTROY" => Ioctl.UiDevDestroy,
            "UI_DEV_SETUP" => Ioctl.UiDevSetup,
            "UI_SET_EVBIT" => Ioctl.UiSetEvbit,
            "UI_SET_KEYBIT" => Ioctl.UiSetKeybit,
            "UI_SET_LEDBIT" => Ioctl.UiSetLedbit,
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Create2_event_carries_identity_and_descriptor_at_kernel_offsets()
    {
        var ev = new byte[Uhid.EventSize];
        byte[] descriptor = [0x05, 0x01, 0x09, 0x06];
        int length = Uhid.WriteCreate2(ev, "Remapper Virtual Keyboard", "remapper/uhid", "remapper-virtual-keyboard", 0x03, 0x1209, 0x5245, 1, descriptor);

        Assert.Equal(Uhid.EventSize, length);
        Assert.Equal(Uhid.Create2, BitConverter.ToUInt32(ev, 0));
        Assert.Equal("Remapper Virtual Keyboard", System.Text.Encoding.UTF8.GetString(ev, 4, 25));
        Assert.Equal(0, ev[4 + 25]);
        Assert.Equal((ushort)4, BitConverter.ToUInt16(ev, Uhid.Create2RdSize));
        Assert.Equal((ushort)3, BitConverter.ToUInt16(ev, Uhid.Create2Bus));
        Assert.Equal(0x1209u, BitConverter.ToUInt32(ev, Uhid.Create2Vendor));
        Assert.Equal(0x5245u, BitConverter.ToUInt32(ev, Uhid.Create2Product));
        Assert.Equal(descriptor, ev.AsSpan(Uhid.Create2RdData, 4).ToArray());
    }

    [Fact]
    public void Create2_truncates_an_overlong_name_and_keeps_the_terminating_nul()
    {
        var ev = new byte[Uhid.EventSize];
        Uhid.WriteCreate2(ev, new string('x', 300), "", "", 3, 1, 2, 0, [1]);
        Assert.Equal(0, ev[Uhid.Create2Name + 127]);
        Assert.Equal((byte)'x', ev[Uhid.Create2Name + 126]);
    }

    [Fact]
    public void Input2_event_is_header_plus_the_report_only()
    {
        var ev = new byte[Uhid.EventSize];
        int length = Uhid.WriteInput2(ev, [1, 0, 0, 4]);
        Assert.Equal(10, length);
        Assert.Equal(Uhid.Input2, BitConverter.ToUInt32(ev, 0));
        Assert.Equal((ushort)4, BitConverter.ToUInt16(ev, 4));
        Assert.Equal(4, ev[9]);
    }

    [Fact]
    public void Output_report_is_read_from_data_and_size_fields()
    {
        var ev = new byte[Uhid.EventSize];
        BitConverter.TryWriteBytes(ev.AsSpan(0), Uhid.Output);
        ev[Uhid.OutputData] = 0x02;
        BitConverter.TryWriteBytes(ev.AsSpan(Uhid.OutputSize), (ushort)1);
        Assert.Equal([0x02], Uhid.OutputReport(ev).ToArray());

        BitConverter.TryWriteBytes(ev.AsSpan(Uhid.OutputSize), (ushort)60000);
        Assert.True(Uhid.OutputReport(ev).IsEmpty);
    }
}
