using Remapper.MacOS.Detector;

namespace Remapper.MacOS.Native;

/// <summary>The running processes, from libproc (only read when a keyboard is held by someone else).</summary>
internal sealed unsafe class LibProcProcessTable : IProcessTable
{
    public IReadOnlyList<ProcessEntry> List()
    {
        int count = LibProc.ListAllPids(null, 0);
        if (count <= 0) return [];
        var pids = new int[count + 64];
        fixed (int* p = pids) count = LibProc.ListAllPids(p, pids.Length * sizeof(int));
        var result = new List<ProcessEntry>(Math.Max(count, 0));
        byte* name = stackalloc byte[256];
        for (int i = 0; i < count && i < pids.Length; i++)
        {
            if (pids[i] <= 0) continue;
            int n = LibProc.Name(pids[i], name, 256);
            if (n > 0) result.Add(new ProcessEntry(pids[i], new string((sbyte*)name, 0, n)));
        }
        return result;
    }
}
