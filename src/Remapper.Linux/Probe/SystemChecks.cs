namespace Remapper.Linux.Probe;

/// <summary>
/// The machine-wide checks of `remapper doctor` that need no daemon: another remapper running, Remapper's udev rule.
/// (Whether our own daemon and its systemd unit run is asked by the CLI, which can talk to them.)
/// </summary>
public sealed class SystemChecks(ProbeEnvironment env)
{
    /// <summary>
    /// Process names of remappers that grab keyboards too. Two grabbing remappers fight: whichever grabs first wins
    /// each keyboard (the other reports Busy), and chained ones remap twice. Names as /proc/PID/comm shows them
    /// (at most 15 characters).
    /// </summary>
    public static readonly IReadOnlySet<string> OtherRemapperNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "keyd", "kanata", "kmonad", "xremap", "evremap", "intercept", "udevmon", "input-remapper-", "interception",
    };

    public const string UdevRuleName = "60-remapper.rules";

    public IEnumerable<SystemCheck> Run()
    {
        var others = new HolderScanner(env.ProcRoot, env.OwnPid).FindByName(OtherRemapperNames);
        if (others.Count == 0)
        {
            yield return new SystemCheck("other remappers", CheckState.Ok, "none running (keyd, kanata, kmonad, xremap, evremap, interception-tools, input-remapper)");
        }
        foreach (var other in others)
        {
            yield return new SystemCheck("other remappers", CheckState.Problem,
                $"{other.Name} (pid {other.Pid}: {other.CommandLine}) is running; it grabs keyboards too, so each keyboard goes to whichever grabs it first",
                $"stop it (e.g. `sudo systemctl disable --now {ServiceNameOf(other.Name)}`) or make one of the two leave the keyboard alone");
        }

        var rule = UdevRuleLocations().FirstOrDefault(File.Exists);
        yield return rule is not null
            ? new SystemCheck("udev rule", CheckState.Ok, $"{rule} is installed")
            : new SystemCheck("udev rule", CheckState.Info,
                $"{UdevRuleName} is not installed: only root can create the virtual keyboard unless /dev/uhid is made accessible some other way",
                "install it with `sudo packaging/install.sh` (or copy packaging/udev/60-remapper.rules to /etc/udev/rules.d/ and run `sudo udevadm trigger`)");
    }

    private IEnumerable<string> UdevRuleLocations()
    {
        yield return Path.Combine(env.EtcRoot, "udev", "rules.d", UdevRuleName);
        // Distribution packages put rules under /usr/lib; found next to the (possibly fake) /etc.
        var root = Path.GetDirectoryName(Path.GetFullPath(env.EtcRoot)) ?? "/";
        yield return Path.Combine(root, "usr", "lib", "udev", "rules.d", UdevRuleName);
        yield return Path.Combine(root, "lib", "udev", "rules.d", UdevRuleName);
    }

    private static string ServiceNameOf(string comm) => comm switch
    {
        "input-remapper-" => "input-remapper",
        "intercept" or "udevmon" => "udevmon",
        _ => comm,
    };
}
