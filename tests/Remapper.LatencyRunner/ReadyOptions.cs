namespace Remapper.LatencyRunner;

/// <summary>The driver's options that say when a pipeline is ready and which keyboard is its output.</summary>
internal static class ReadyOptions
{
    public const string Remapper = "--ready-line 'remapper: ready' --output-name 'Remapper Virtual Keyboard'";
    public const string Floor = "--ready-line 'floor: ready' --output-name 'Latency Floor Keyboard'";
}
