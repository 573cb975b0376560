using Remapper.Core.Engine.Mouse;

namespace Remapper.Core.Engine;

/// <summary>The parts of the engine actions may change: the output, the layer stack, the variables and the pointer.</summary>
internal sealed class EngineState
{
    public EngineState(OutputState output, int layerCount, int variableCount, MouseKeys? mouse = null)
    {
        Output = output;
        Mouse = mouse ?? new MouseKeys(null, static () => 0);
        Layers = new LayerStack(layerCount);
        Variables = new int[variableCount];
        Macros = new Typing.MacroPlayer(output);
        Overloads = new OverloadStage();
        Timeouts = new TimeoutStage();
    }

    /// <summary>The sequence stage: what <c>leader()</c> listens for (configured with the keymap's <c>[sequences]</c>).</summary>
    public SequenceStage Sequences { get; } = new();

    public OutputState Output { get; }
    public LayerStack Layers { get; }
    public int[] Variables { get; }

    /// <summary>The mouse-keys stage: pointer buttons, motion and wheel (the same instance across keymap swaps).</summary>
    public MouseKeys Mouse { get; }
    /// <summary>The macro stage: macros, text and unicode playing on the engine's clock.</summary>
    public Typing.MacroPlayer Macros { get; }
    /// <summary>The overload stage: which overload key still taps on release.</summary>
    public OverloadStage Overloads { get; }

    /// <summary>The engine's layer-modifier stage (null in tests that build a bare state): <see cref="SyncLayerModifiers"/>.</summary>
    public LayerModifiers? LayerModifiers { get; init; }

    /// <summary>[settings] modifier_guard, for <see cref="SyncLayerModifiers"/>.</summary>
    public bool ModifierGuard { get; init; }

    /// <summary>Makes the output hold what the layers want now (a multi's layer item, before its next item).</summary>
    public void SyncLayerModifiers() => LayerModifiers?.Sync(Layers, Output, ModifierGuard);

    /// <summary>The timeout stage: the one timeout() press waiting for its before or after action.</summary>
    public TimeoutStage Timeouts { get; }
}
