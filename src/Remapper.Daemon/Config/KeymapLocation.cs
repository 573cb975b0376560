namespace Remapper.Daemon.Config;

/// <summary>Where a keymap location came from, in the order they are tried.</summary>
public enum KeymapOrigin { CommandLine, Environment, System, User, ShippedDefault, None }

/// <summary>The keymap the daemon runs, and why that one: printed by <c>remapper run</c> and shown in status.</summary>
/// <param name="Path">Full path, or null when nothing was found (the daemon then passes keys through unchanged).</param>
/// <param name="Reason">One sentence for the user, e.g. "from --config".</param>
/// <param name="Searched">Every place looked at, in order, for "why not my file?" questions.</param>
/// <param name="FileToCreate">
/// While the shipped default (or nothing) runs: the own keymap that does not exist yet — the file to create, and the
/// place the daemon watches so that creating it takes effect. Null when the user's choice is what runs.
/// </param>
public sealed record KeymapLocation(string? Path, KeymapOrigin Origin, string Reason, IReadOnlyList<string> Searched, string? FileToCreate = null)
{
    public override string ToString() => Path is null ? Reason : $"{Path} ({Reason})";
}
