namespace Remapper.Core.Engine;

public sealed partial class RemapEngine
{
    /// <summary>
    /// A number that changes whenever <see cref="ActiveLayers"/> would (base layer, or the active layers bottom to top).
    /// Allocation-free, so the event loop can compare it after every key and publish status only when layers moved.
    /// </summary>
    public long LayerFingerprint
    {
        get
        {
            var layers = _state.Layers;
            long h = layers.BaseLayer + 1;
            for (int i = 0; i < layers.Count; i++) h = h * 1_000_003 + layers.LayerAt(i) + 1;
            return h * 31 + layers.Count;
        }
    }
}
