namespace Remapper.Core.Import.Keyd;

/// <summary>
/// What the importer knows about one keyd layer: its name, the modifier letters after its colon
/// (<c>[nav:C]</c> → <c>C</c>) and whether any section binds keys in it. keyd's own control, shift, meta, alt
/// and altgr layers always exist, holding their modifier; a layer that binds nothing is just its modifiers.
/// </summary>
internal sealed record KeydLayerInfo(string Name, string Modifiers, bool HasBindings)
{
    public bool IsModifierOnly => !HasBindings;
}
