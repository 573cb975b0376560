using Remapper.Backend;

namespace Remapper.Linux.Probe;

/// <summary>
/// Why a kernel interface (evdev, uhid, uinput) has no device node, and how to get it: the module is not
/// loaded, is not shipped for this kernel, or the kernel cannot load modules at all (containers, minimal VMs).
/// </summary>
public sealed class KernelSupport(ProbeEnvironment env)
{
    public sealed record Advice(string Detail, string Fix)
    {
        /// <summary>Cause and fix in one machine-wide note (<see cref="BackendStatus.Note"/>); <see cref="DoctorReport"/> splits them again.</summary>
        public string AsNote() => Detail + FixSeparator + Fix;
    }

    /// <summary>Joins a note's cause and its fix.</summary>
    public const string FixSeparator = "; fix: ";

    public string KernelRelease
    {
        get
        {
            try { return File.ReadAllText(Path.Combine(env.ProcRoot, "sys", "kernel", "osrelease")).Trim(); }
            catch (IOException) { return "unknown"; }
            catch (UnauthorizedAccessException) { return "unknown"; }
        }
    }

    /// <param name="module">Module name, e.g. <c>uhid</c>.</param>
    /// <param name="node">The missing node, e.g. <c>/dev/uhid</c>.</param>
    /// <param name="config">The kernel option that provides it, e.g. <c>CONFIG_UHID</c>.</param>
    public Advice Explain(string module, string node, string config)
    {
        var release = KernelRelease;
        if (Directory.Exists(Path.Combine(env.SysRoot, "module", module)))
            return new Advice($"the {module} module is loaded but {node} does not exist",
                $"mount devtmpfs on {env.DevRoot} (or let udev create {node})");

        bool canLoadModules = File.Exists(Path.Combine(env.ProcRoot, "modules"));
        if (!canLoadModules)
            return new Advice(
                $"{node} does not exist: this kernel ({release}) has no {module} built in ({config}) and cannot load modules " +
                "(no /proc/modules) — typical of a container or a minimal VM kernel",
                $"run Remapper on a Linux kernel with {config} (any desktop distribution's kernel has it)");

        if (ModuleShipped(release, module))
            return new Advice($"{node} does not exist: the {module} module is not loaded",
                $"sudo modprobe {module}; to load it at every boot: echo {module} | sudo tee /etc/modules-load.d/remapper-{module}.conf");

        return new Advice($"{node} does not exist: kernel {release} has no {module} module ({config}) under {env.ModulesRoot}/{release}",
            $"install the modules package for kernel {release}, or use a kernel built with {config}");
    }

    private bool ModuleShipped(string release, string module)
    {
        var dir = Path.Combine(env.ModulesRoot, release);
        foreach (var index in new[] { "modules.dep", "modules.builtin" })
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(dir, index)))
                {
                    var path = line.Split(':', 2)[0];
                    var file = Path.GetFileName(path);
                    if (file.StartsWith(module + ".ko", StringComparison.Ordinal) ||
                        file.Replace('-', '_').StartsWith(module.Replace('-', '_') + ".ko", StringComparison.Ordinal))
                        return true;
                }
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return false;
    }
}
