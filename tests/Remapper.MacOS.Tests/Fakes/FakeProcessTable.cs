using Remapper.MacOS.Detector;

namespace Remapper.MacOS.Tests.Fakes;

public sealed class FakeProcessTable(params ProcessEntry[] processes) : IProcessTable
{
    public List<ProcessEntry> Processes { get; } = [.. processes];

    public IReadOnlyList<ProcessEntry> List() => Processes;
}
