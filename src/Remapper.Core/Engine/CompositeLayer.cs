namespace Remapper.Core.Engine;

/// <summary>A composite layer (<c>[layer."nav+sym"]</c>): its bindings apply while every one of <see cref="Parts"/> is active.</summary>
internal sealed record CompositeLayer(int Layer, int[] Parts);
