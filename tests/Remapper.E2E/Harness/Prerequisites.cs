using System.Runtime.InteropServices;

namespace Remapper.E2E.Harness;

/// <summary>
/// Makes sure a guest can be booted: QEMU, a Debian kernel with its modules, a static busybox and cpio. Installs
/// what is missing when running as root (CI machines start bare); otherwise reports why the e2e tests must skip.
/// Evaluated once per test process.
/// </summary>
internal static class Prerequisites
{
    public const string Qemu = "qemu-system-x86_64";
    public const string Busybox = "/bin/busybox";

    private static readonly string[] Packages = ["qemu-system-x86", "linux-image-amd64", "busybox-static", "cpio"];

    private static readonly Lazy<string?> LazyProblem = new(Ensure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when a guest can be booted; otherwise the reason, worded as a skip message.</summary>
    public static string? Problem => LazyProblem.Value;

    private static string? Ensure()
    {
        if (Environment.GetEnvironmentVariable("REMAPPER_E2E") is "0" or "off" or "skip")
        {
            return "e2e guest tests turned off by REMAPPER_E2E=0";
        }
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return "e2e guest tests need an x86-64 Linux host";
        }
        List<string> missing = Missing();
        if (missing.Count == 0)
        {
            return null;
        }
        if (!IsRoot())
        {
            return $"cannot boot the e2e guest: missing {string.Join(", ", missing)}; as root run " +
                   $"`apt-get install -y --no-install-recommends {string.Join(' ', Packages)}` (or run the tests as root)";
        }
        string? installProblem = Install(missing);
        if (installProblem is not null)
        {
            return installProblem;
        }
        missing = Missing();
        return missing.Count == 0
            ? null
            : $"cannot boot the e2e guest: still missing after apt-get install: {string.Join(", ", missing)}";
    }

    private static List<string> Missing()
    {
        var missing = new List<string>();
        if (HostCommand.Which(Qemu) is null)
        {
            missing.Add($"{Qemu} (package qemu-system-x86)");
        }
        if (GuestKernel.FindNewest() is null)
        {
            missing.Add("a kernel in /boot with modules in /lib/modules (package linux-image-amd64)");
        }
        if (!IsStaticElf(Busybox))
        {
            missing.Add($"a static {Busybox} (package busybox-static)");
        }
        if (HostCommand.Which("cpio") is null)
        {
            missing.Add("cpio (package cpio)");
        }
        return missing;
    }

    private static string? Install(List<string> missing)
    {
        HarnessLog.Write($"installing e2e prerequisites (missing: {string.Join(", ", missing)}); this takes about a minute");
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var update = HostCommand.Run("apt-get", ["update", "-q"], TimeSpan.FromMinutes(5), HarnessLog.Write, environment);
        if (!update.Ok)
        {
            return $"cannot boot the e2e guest: `apt-get update` failed ({update.ExitCode}):\n{update.Tail()}";
        }
        var install = HostCommand.Run("apt-get", ["install", "-y", "-q", "--no-install-recommends", .. Packages],
            TimeSpan.FromMinutes(15), HarnessLog.Write, environment);
        if (!install.Ok)
        {
            return $"cannot boot the e2e guest: `apt-get install` failed ({install.ExitCode}):\n{install.Tail()}";
        }
        HarnessLog.Write("e2e prerequisites installed");
        return null;
    }

    /// <summary>The effective uid from /proc/self/status ("Uid: real effective saved fs").</summary>
    public static bool IsRoot()
    {
        string? uids = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        string[] fields = uids?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
        return fields.Length > 2 && fields[2] == "0";
    }

    /// <summary>
    /// The guest's PID 1 is busybox before any library is reachable, so it must not need a dynamic loader: an
    /// ELF with a PT_INTERP program header is dynamic (Debian's plain <c>busybox</c> package), one without is static.
    /// </summary>
    private static bool IsStaticElf(string path)
    {
        try
        {
            byte[] elf = File.ReadAllBytes(path);
            if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2)
            {
                return false;
            }
            long phoff = BitConverter.ToInt64(elf, 0x20);
            int phentsize = BitConverter.ToUInt16(elf, 0x36);
            int phnum = BitConverter.ToUInt16(elf, 0x38);
            const uint PtInterp = 3;
            for (int i = 0; i < phnum; i++)
            {
                long offset = phoff + (long)i * phentsize;
                if (offset + 4 > elf.Length || BitConverter.ToUInt32(elf, (int)offset) == PtInterp)
                {
                    return false;
                }
            }
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
