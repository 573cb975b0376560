namespace Remapper.E2E.Harness;

/// <summary>A Debian kernel image under /boot together with its module tree under /lib/modules.</summary>
internal sealed record GuestKernel(string Version, string ImagePath, string ModulesDir)
{
    /// <summary>The newest kernel that has a modules.dep, or null when none is installed.</summary>
    public static GuestKernel? FindNewest()
    {
        if (!Directory.Exists("/boot"))
        {
            return null;
        }
        return Directory.EnumerateFiles("/boot", "vmlinuz-*")
            .Select(path => Path.GetFileName(path)["vmlinuz-".Length..])
            .Select(version => new GuestKernel(version, $"/boot/vmlinuz-{version}", $"/lib/modules/{version}"))
            .Where(kernel => File.Exists(Path.Combine(kernel.ModulesDir, "modules.dep")))
            .OrderByDescending(kernel => kernel.Version, VersionComparer.Instance)
            .FirstOrDefault();
    }

    /// <summary>Orders "6.1.0-56-amd64" after "6.1.0-9-amd64": numbers compare as numbers.</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            string[] a = Split(x ?? "");
            string[] b = Split(y ?? "");
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int result = long.TryParse(a[i], out long na) && long.TryParse(b[i], out long nb)
                    ? na.CompareTo(nb)
                    : string.CompareOrdinal(a[i], b[i]);
                if (result != 0)
                {
                    return result;
                }
            }
            return a.Length.CompareTo(b.Length);
        }

        private static string[] Split(string version) => version.Split('.', '-', '+', '~');
    }
}
