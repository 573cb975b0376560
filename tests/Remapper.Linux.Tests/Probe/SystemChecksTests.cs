using Remapper.Linux.Probe;
using Remapper.Linux.Tests.Support;

namespace Remapper.Linux.Tests.Probe;

public class SystemChecksTests : IDisposable
{
    private readonly FakeSystem _system = new();

    [Fact]
    public void Another_remapper_running_is_a_problem_naming_it_with_a_fix()
    {
        _system.AddProcess(5151, "keyd", "/usr/bin/keyd");
        _system.AddProcess(77, "bash", "-bash");

        var check = Assert.Single(new SystemChecks(_system.Env()).Run(), c => c.Name == "other remappers");

        Assert.Equal(CheckState.Problem, check.State);
        Assert.Contains("keyd (pid 5151: /usr/bin/keyd)", check.Detail);
        Assert.Contains("systemctl disable --now keyd", check.Fix);
    }

    [Fact]
    public void Input_remapper_is_recognised_by_its_truncated_process_name()
    {
        _system.AddProcess(9, "input-remapper-", "/usr/bin/python3 /usr/bin/input-remapper-service");

        var check = Assert.Single(new SystemChecks(_system.Env()).Run(), c => c.Name == "other remappers");

        Assert.Equal(CheckState.Problem, check.State);
        Assert.Contains("systemctl disable --now input-remapper", check.Fix);
    }

    [Fact]
    public void No_other_remapper_is_ok()
    {
        _system.AddProcess(77, "bash", "-bash");

        var check = Assert.Single(new SystemChecks(_system.Env()).Run(), c => c.Name == "other remappers");

        Assert.Equal(CheckState.Ok, check.State);
    }

    [Fact]
    public void The_udev_rule_is_found_in_etc_or_usr_lib_and_its_absence_is_only_information()
    {
        var checks = new SystemChecks(_system.Env());
        var missing = Assert.Single(checks.Run(), c => c.Name == "udev rule");
        Assert.Equal(CheckState.Info, missing.State);
        Assert.Contains("packaging/install.sh", missing.Fix);

        var usrLib = Path.Combine(_system.Root, "usr", "lib", "udev", "rules.d");
        Directory.CreateDirectory(usrLib);
        File.WriteAllText(Path.Combine(usrLib, SystemChecks.UdevRuleName), "# rule\n");
        var found = Assert.Single(checks.Run(), c => c.Name == "udev rule");
        Assert.Equal(CheckState.Ok, found.State);
    }

    [Fact]
    public void Problems_among_the_system_checks_count_in_the_doctor_report()
    {
        _system.AddProcess(5152, "kanata", "kanata -c k.kbd");
        var probe = new SystemProbe(_system.Env()).Run([]);

        var report = DoctorReport.Build(probe, null, [.. new SystemChecks(_system.Env()).Run()]);

        Assert.Contains(report.Problems, p => p.Subject == "other remappers" && p.Cause.Contains("kanata"));
        Assert.False(report.Ok);
    }

    public void Dispose() => _system.Dispose();
}
