using System.Security.Cryptography;
using System.Text;

namespace Remapper.E2E.Harness;

/// <summary>
/// Where the harness keeps things. Everything lives under /var/tmp, not /tmp: the guest mounts a tmpfs over /tmp,
/// which would hide anything the host put there, and /var/tmp survives between runs so the initramfs and the
/// published binaries are reused.
/// </summary>
internal static class E2EPaths
{
    public static string BuildRoot { get; } =
        Environment.GetEnvironmentVariable("REMAPPER_E2E_DIR") is { Length: > 0 } dir ? dir : "/var/tmp/remapper-e2e";

    /// <summary>The repository this test assembly was built from (the directory holding Remapper.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Published binaries, per checkout so two worktrees never overwrite each other's build.</summary>
    public static string ArtifactsDir { get; } = Path.Combine(BuildRoot, "build-" + ShortHash(RepoRoot));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Remapper.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no Remapper.sln above {AppContext.BaseDirectory}");
    }

    public static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
