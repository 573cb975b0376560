using Remapper.MacOS.Output.DriverKit;

namespace Remapper.MacOS.Tests.Output;

public sealed class DriverProtocolTests
{
    [Theory]
    [InlineData(DriverRequest.KeyboardInitialize, 0, 1)]
    [InlineData(DriverRequest.KeyboardTerminate, 1, 2)]
    [InlineData(DriverRequest.PostKeyboardReport, 6, 7)]
    [InlineData(DriverRequest.PostConsumerReport, 7, 8)]
    [InlineData(DriverRequest.PostGenericDesktopReport, 10, 11)]
    public void Request_numbers_shift_by_one_at_protocol_6(DriverRequest request, byte v7, byte v6)
    {
        Assert.Equal(v7, DriverProtocol.V7.Code(request));
        Assert.Equal(v6, DriverProtocol.V6.Code(request));
    }

    [Fact]
    public void Get_status_exists_only_at_protocol_6()
    {
        Assert.Equal(0, DriverProtocol.V6.Code(DriverRequest.GetStatus));
        Assert.Throws<ArgumentException>(() => DriverProtocol.V7.Code(DriverRequest.GetStatus));
    }

    [Fact]
    public void The_prefix_is_the_version_little_endian_then_the_request()
    {
        var prefix = new byte[3];
        DriverProtocol.V7.WritePrefix(prefix, DriverRequest.PostKeyboardReport);
        Assert.Equal(new byte[] { 7, 0, 6 }, prefix);
    }

    [Theory]
    [InlineData("7.0.0", DriverProtocol.V6)]
    [InlineData("7.3.0", DriverProtocol.V6)]
    [InlineData("7.4.0", DriverProtocol.V7)]
    [InlineData("8.0.0", DriverProtocol.V7)]
    [InlineData(null, DriverProtocol.V7)]
    [InlineData("garbage", DriverProtocol.V7)]
    public void The_installed_version_picks_the_protocol_tried_first(string? version, DriverProtocol expected) =>
        Assert.Equal(expected, DriverInstallation.ProtocolFor(version));

    [Fact]
    public void Releases_before_7_speak_a_protocol_we_do_not() => Assert.Null(DriverInstallation.ProtocolFor("6.14.0"));

    [Fact]
    public void The_installed_version_is_read_from_the_daemons_Info_plist()
    {
        var root = Path.Combine(Path.GetTempPath(), "rmac-install-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var contents = Path.Combine(root, DriverInstallation.DaemonApp.TrimStart('/'), "Contents");
            Directory.CreateDirectory(contents);
            File.WriteAllText(Path.Combine(contents, "Info.plist"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <plist version="1.0"><dict>
                  <key>CFBundleShortVersionString</key>
                  <string>7.3.0</string>
                </dict></plist>
                """);
            var installation = new DriverInstallation(root);
            Assert.True(installation.DaemonInstalled);
            Assert.Equal("7.3.0", installation.InstalledVersion);
            Assert.False(new DriverInstallation(Path.Combine(root, "nothing")).DaemonInstalled);
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
