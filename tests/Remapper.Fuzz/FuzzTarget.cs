namespace Remapper.Fuzz;

/// <summary>
/// One thing to fuzz: a function of the raw input bytes that returns normally for every input the code handles as
/// designed, and throws for a bug (an exception the caller would not catch, or a broken invariant).
/// </summary>
/// <param name="Name">keymap, keytest or ipc: also the folder of its regression inputs.</param>
/// <param name="Run">The target. Throws <see cref="FuzzFinding"/> for a broken invariant, anything else for a crash.</param>
/// <param name="Seeds">Where its seed inputs come from, relative to the repository root (folders searched recursively).</param>
/// <param name="SeedExtensions">File endings that count as seeds in those folders.</param>
/// <param name="Tokens">Words the mutator splices in: what this format is made of.</param>
public sealed record FuzzTarget(string Name, Action<byte[]> Run, string[] Seeds, string[] SeedExtensions, string[] Tokens);

/// <summary>An input broke an invariant without crashing (a column off its line, more memory than the budget).</summary>
public sealed class FuzzFinding(string message) : Exception(message);
