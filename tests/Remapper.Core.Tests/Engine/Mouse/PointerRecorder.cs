using Remapper.Core.Engine.Mouse;

namespace Remapper.Core.Tests.Engine.Mouse;

/// <summary>Records the engine's pointer reports and checks them as a user would feel them: no button released twice, no motion with nothing held.</summary>
internal sealed class PointerRecorder : IPointerOutput
{
    public List<(long TimeUs, PointerReport Report)> Reports { get; } = [];
    public Func<long> Clock { get; set; } = () => 0;
    public byte Buttons { get; private set; }
    public int ButtonChanges { get; private set; }
    public int Count { get; private set; }
    public bool Keep { get; set; } = true;

    public void SendPointer(in PointerReport report)
    {
        Count++;
        if (report.Buttons != Buttons) ButtonChanges++;
        Buttons = report.Buttons;
        if (Keep) Reports.Add((Clock(), report));
    }

    public int SumX(long fromUs, long toUs) => Reports.Where(r => r.TimeUs >= fromUs && r.TimeUs <= toUs).Sum(r => r.Report.X);
}
