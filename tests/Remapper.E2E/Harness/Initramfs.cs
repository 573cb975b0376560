using System.IO.Compression;

namespace Remapper.E2E.Harness;

/// <summary>
/// Builds the guest's initramfs (busybox, the modules the input stack and 9p need, /init) and caches it per
/// kernel version; rebuilt only when an input changes (kernel version, module list, /init, busybox).
/// </summary>
internal static class Initramfs
{
    /// <summary>What the guest needs; their dependencies come from modules.dep.</summary>
    private static readonly string[] WantedModules =
    [
        "virtio_pci", "9pnet_virtio", "9p",        // the host root and the exchange share
        "evdev", "uinput", "uhid",                  // the interfaces Remapper uses
        "hid-generic", "usbhid", "xhci-pci",        // the QEMU USB keyboard and uhid keyboards
    ];

    public static string Build(GuestKernel kernel)
    {
        List<(string Name, string Path)> modules = ResolveLoadOrder(kernel, WantedModules);
        string init = GuestScripts.Init(modules.Select(m => m.Name));
        var busybox = new FileInfo(Prerequisites.Busybox);
        string stamp = string.Join('\n',
            kernel.Version, init, busybox.Length, busybox.LastWriteTimeUtc.Ticks,
            string.Join(',', modules.Select(m => $"{m.Path}:{new FileInfo(m.Path).Length}")));

        string dir = Path.Combine(E2EPaths.BuildRoot, kernel.Version);
        string image = Path.Combine(dir, "initramfs.cpio.gz");
        string stampFile = image + ".stamp";
        if (File.Exists(image) && File.Exists(stampFile) && File.ReadAllText(stampFile) == stamp)
        {
            return image;
        }

        HarnessLog.Write($"building the guest initramfs for {kernel.Version}");
        Directory.CreateDirectory(dir);
        string staging = Path.Combine(dir, $"staging-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        foreach (string sub in new[] { "bin", "lib/modules", "proc", "sys", "dev", "host" })
        {
            Directory.CreateDirectory(Path.Combine(staging, sub));
        }
        File.Copy(Prerequisites.Busybox, Path.Combine(staging, "bin/busybox"));
        foreach ((string name, string path) in modules)
        {
            CopyModule(path, Path.Combine(staging, "lib/modules", name + ".ko"));
        }
        string initPath = Path.Combine(staging, "init");
        File.WriteAllText(initPath, init);
        File.SetUnixFileMode(initPath, (UnixFileMode)0b111_101_101);

        string partial = image + $".{Environment.ProcessId}.tmp";
        var result = HostCommand.Run("sh", ["-c", $"find . | cpio -o -H newc --quiet --owner=0:0 | gzip -1 > '{partial}'"],
            TimeSpan.FromMinutes(2), workingDirectory: staging);
        Directory.Delete(staging, recursive: true);
        if (!result.Ok)
        {
            throw new InvalidOperationException($"building the initramfs failed ({result.ExitCode}):\n{result.Tail()}");
        }
        // Rename last: a concurrent run sees either the old complete image or the new one, never half of one.
        File.Move(partial, image, overwrite: true);
        File.WriteAllText(stampFile, stamp);
        return image;
    }

    /// <summary>
    /// modules.dep lists, per module, every module it needs (transitively); loading each dependency before its
    /// dependant gives a working insmod order.
    /// </summary>
    internal static List<(string Name, string Path)> ResolveLoadOrder(GuestKernel kernel, IEnumerable<string> wanted)
    {
        var deps = new Dictionary<string, (string Path, string[] Needs)>();
        foreach (string line in File.ReadLines(Path.Combine(kernel.ModulesDir, "modules.dep")))
        {
            int colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            string path = line[..colon];
            string[] needs = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ModuleName).ToArray();
            deps[ModuleName(path)] = (Path.Combine(kernel.ModulesDir, path), needs);
        }

        var order = new List<(string, string)>();
        var done = new HashSet<string>();
        void Visit(string name, string requiredBy)
        {
            if (done.Contains(name))
            {
                return;
            }
            if (!deps.TryGetValue(name, out var entry))
            {
                throw new InvalidOperationException($"module {name} (needed by {requiredBy}) is not in {kernel.ModulesDir}/modules.dep");
            }
            done.Add(name);
            // modules.dep names the deepest dependencies last.
            foreach (string need in entry.Needs.Reverse())
            {
                Visit(need, name);
            }
            order.Add((name, entry.Path));
        }
        foreach (string name in wanted)
        {
            Visit(name, "the e2e guest");
        }
        return order;
    }

    /// <summary>kernel/drivers/hid/hid-generic.ko.xz → hid-generic.</summary>
    private static string ModuleName(string path)
    {
        string name = Path.GetFileName(path);
        return name[..name.IndexOf(".ko", StringComparison.Ordinal)];
    }

    /// <summary>busybox insmod takes plain .ko files; newer Debian kernels ship them compressed.</summary>
    private static void CopyModule(string source, string target)
    {
        if (source.EndsWith(".ko", StringComparison.Ordinal))
        {
            File.Copy(source, target);
            return;
        }
        if (source.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
            using var output = File.Create(target);
            input.CopyTo(output);
            return;
        }
        string tool = source.EndsWith(".xz", StringComparison.Ordinal) ? "xz" : "zstd";
        var result = HostCommand.Run("sh", ["-c", $"{tool} -dc '{source}' > '{target}'"], TimeSpan.FromMinutes(1));
        if (!result.Ok)
        {
            throw new InvalidOperationException($"decompressing {source} with {tool} failed:\n{result.Tail()}");
        }
    }
}
