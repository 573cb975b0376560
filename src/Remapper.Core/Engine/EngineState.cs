namespace Remapper.Core.Engine;

/// <summary>The parts of the engine actions may change: the output, the layer stack and the variables.</summary>
internal sealed class EngineState
{
    public EngineState(OutputState output, int layerCount, int variableCount)
    {
        Output = output;
        Layers = new LayerStack(layerCount);
        Variables = new int[variableCount];
        Macros = new Typing.MacroPlayer(output);
    }

    public OutputState Output { get; }
    public LayerStack Layers { get; }
    public int[] Variables { get; }

    /// <summary>The macro stage: macros, text and unicode playing on the engine's clock.</summary>
    public Typing.MacroPlayer Macros { get; }
}
