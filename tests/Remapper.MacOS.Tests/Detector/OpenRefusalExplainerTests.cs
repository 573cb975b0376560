using Remapper.Backend;
using Remapper.MacOS.Detector;
using Remapper.MacOS.Devices;
using Remapper.MacOS.Tests.Fakes;

namespace Remapper.MacOS.Tests.Detector;

/// <summary>IOReturn → keyboard state, cause and fix.</summary>
public sealed class OpenRefusalExplainerTests
{
    private readonly OpenRefusalExplainer _explainer = new(new FakeProcessTable(), "/usr/local/bin/remapper");
    private readonly MacDeviceInfo _builtIn = MacKeyboardClassifier.Classify(PropertyFixtures.Load("builtin-spi-keyboard"));
    private readonly MacDeviceInfo _usb = MacKeyboardClassifier.Classify(PropertyFixtures.Load("usb-keyboard"));

    [Theory]
    [InlineData(IOReturnCode.NotPermitted, InputMonitoringAccess.Granted, true, KeyboardState.AccessDenied, "built-in keyboard")]
    [InlineData(IOReturnCode.NotPermitted, InputMonitoringAccess.Denied, true, KeyboardState.AccessDenied, "Input Monitoring is not granted")]
    [InlineData(IOReturnCode.NotPermitted, InputMonitoringAccess.Unknown, false, KeyboardState.AccessDenied, "has not been granted")]
    [InlineData(IOReturnCode.NotPermitted, InputMonitoringAccess.Granted, false, KeyboardState.AccessDenied, "although Input Monitoring is granted")]
    [InlineData(IOReturnCode.NotPrivileged, InputMonitoringAccess.Granted, false, KeyboardState.AccessDenied, "kIOReturnNotPrivileged")]
    [InlineData(IOReturnCode.ExclusiveAccess, InputMonitoringAccess.Granted, false, KeyboardState.Busy, "no Karabiner-Elements or kanata process")]
    [InlineData(IOReturnCode.NoDevice, InputMonitoringAccess.Granted, false, KeyboardState.Gone, "went away")]
    [InlineData(IOReturnCode.NotResponding, InputMonitoringAccess.Granted, false, KeyboardState.Failed, "not ready")]
    [InlineData(0xE0038001u, InputMonitoringAccess.Granted, false, KeyboardState.Failed, "(iokit, hid system, code 0x1)")]
    public void Each_refusal_gets_its_state_and_cause(uint code, InputMonitoringAccess access, bool builtIn, KeyboardState state, string cause)
    {
        var status = _explainer.Explain(builtIn ? _builtIn : _usb, new IOReturnCode(code), access);
        Assert.Equal(state, status.State);
        Assert.Contains(cause, status.Cause);
        Assert.Equal(builtIn, status.Identity.IsBuiltIn);
        if (state != KeyboardState.Gone) Assert.False(string.IsNullOrWhiteSpace(status.Fix));
    }

    [Fact]
    public void The_built_in_refusal_says_the_others_keep_working_and_what_to_do()
    {
        var status = _explainer.Explain(_builtIn, new IOReturnCode(IOReturnCode.NotPermitted), InputMonitoringAccess.Granted);
        Assert.Contains("macOS refuses", status.Cause);
        Assert.Contains("other keyboards keep being remapped", status.Cause);
        Assert.Contains("macOS update", status.Fix);
        Assert.Contains("docs/macos.md", status.Fix);
        Assert.Equal(Remapper.Core.Devices.DeviceBus.Spi, status.Identity.Bus);
    }
}
