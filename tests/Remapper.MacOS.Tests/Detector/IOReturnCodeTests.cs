using Remapper.MacOS.Detector;

namespace Remapper.MacOS.Tests.Detector;

public sealed class IOReturnCodeTests
{
    [Fact]
    public void The_protected_device_refusal_is_named_and_taken_apart()
    {
        var code = new IOReturnCode(0xE00002E2);
        Assert.Equal("kIOReturnNotPermitted", code.Name);
        Assert.Equal(0x38u, code.System);
        Assert.Equal("iokit", code.SystemName);
        Assert.Equal(0u, code.Subsystem);
        Assert.Equal("common", code.SubsystemName);
        Assert.Equal(0x2E2u, code.Code);
        Assert.Equal("kIOReturnNotPermitted (0xe00002e2)", code.ToString());
    }

    [Fact]
    public void Exclusive_access_is_named()
    {
        Assert.Equal("kIOReturnExclusiveAccess (0xe00002c5)", IOReturnCode.From(unchecked((int)0xE00002C5)).ToString());
    }

    [Fact]
    public void An_unnamed_code_is_decoded_by_system_subsystem_and_code()
    {
        // sys_iokit | sub_iokit_hidsystem (14) | 0x1
        var code = new IOReturnCode(0xE0000000 | (14u << 14) | 0x1);
        Assert.Null(code.Name);
        Assert.Equal("hid system", code.SubsystemName);
        Assert.Equal("0xe0038001 (iokit, hid system, code 0x1)", code.ToString());
    }

    [Fact]
    public void A_code_from_another_system_says_so()
    {
        var code = new IOReturnCode(0x10000003); // system 0x04: mach ipc
        Assert.Equal("mach ipc", code.SystemName);
        Assert.Equal("0x10000003 (mach ipc, subsystem 0x000, code 0x3)", code.ToString());
    }

    [Fact]
    public void Success_is_success()
    {
        Assert.True(IOReturnCode.From(0).IsSuccess);
        Assert.False(new IOReturnCode(IOReturnCode.NotPermitted).IsSuccess);
    }
}
