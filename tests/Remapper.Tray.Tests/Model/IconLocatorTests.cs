namespace Remapper.Tray.Tests.Model;

public class IconLocatorTests
{
    [Fact]
    public void A_build_finds_the_icons_beside_the_executable()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Icons"), IconLocator.Find(AppContext.BaseDirectory));
    }

    [Fact]
    public void An_install_under_a_prefix_looks_in_prefix_share_remapper_icons()
    {
        Assert.Contains("/usr/share/remapper/icons", IconLocator.Candidates("/usr/bin"));
        Assert.Contains("/usr/share/icons", IconLocator.Candidates("/usr/bin"));
    }

    [Fact]
    public void A_directory_missing_any_state_icon_is_not_used()
    {
        var dir = Directory.CreateTempSubdirectory("remapper-icons-").FullName;
        try
        {
            var status = Directory.CreateDirectory(Path.Combine(dir, "hicolor", "48x48", "status")).FullName;
            File.WriteAllText(Path.Combine(status, "remapper-running.png"), "");
            Assert.False(IconLocator.HasIcons(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
