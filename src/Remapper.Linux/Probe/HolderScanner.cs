using Remapper.Backend;
using System.Globalization;

namespace Remapper.Linux.Probe;

/// <summary>
/// Finds the processes that have a device node open by reading every <c>/proc/PID/fd/*</c> link. Another
/// user's fds are unreadable without privileges, so an empty answer means "unknown holder", not "nobody".
/// </summary>
public sealed class HolderScanner(string procRoot = "/proc", int ownPid = 0)
{
    public IReadOnlyList<HolderProcess> FindHolders(string node)
    {
        var result = new List<HolderProcess>();
        foreach (var (pid, dir) in OtherProcesses())
            if (HasOpen(Path.Combine(dir, "fd"), node))
                result.Add(new HolderProcess(pid, ReadComm(dir), ReadCmdline(dir)));
        return result;
    }

    /// <summary>Processes whose name (<c>/proc/PID/comm</c>) is one of <paramref name="names"/>.</summary>
    public IReadOnlyList<HolderProcess> FindByName(IReadOnlySet<string> names)
    {
        var result = new List<HolderProcess>();
        foreach (var (pid, dir) in OtherProcesses())
        {
            var comm = ReadComm(dir);
            if (names.Contains(comm)) result.Add(new HolderProcess(pid, comm, ReadCmdline(dir)));
        }
        return result;
    }

    /// <summary>Every process but ours, by pid in ascending order, with its /proc directory.</summary>
    private IEnumerable<(int Pid, string Dir)> OtherProcesses()
    {
        string[] dirs;
        try { dirs = Directory.GetDirectories(procRoot); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }

        var pids = new List<(int Pid, string Dir)>();
        foreach (var dir in dirs)
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != ownPid)
                pids.Add((pid, dir));
        }
        pids.Sort((a, b) => a.Pid.CompareTo(b.Pid));
        foreach (var process in pids) yield return process;
    }

    private static bool HasOpen(string fdDir, string node)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries(fdDir))
            {
                string? target;
                try { target = new FileInfo(fd).LinkTarget; }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                if (target == node) return true;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return false;
    }

    private static string ReadComm(string dir)
    {
        try { return File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n'); }
        catch (IOException) { return "?"; }
        catch (UnauthorizedAccessException) { return "?"; }
    }

    private static string ReadCmdline(string dir)
    {
        try { return File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
