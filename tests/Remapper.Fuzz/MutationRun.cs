using System.Security.Cryptography;

namespace Remapper.Fuzz;

/// <summary>
/// A bounded run of the mutational fuzzer over one target: a number of inputs, not a time, so two runs with the same
/// seed try the same inputs. Each finding is written to the target's regression folder under its hash.
/// </summary>
public static class MutationRun
{
    public sealed record Finding(string Input, string Error, string? SavedAs);

    public static List<Finding> Run(FuzzTarget target, string root, int inputs, int seed, string? saveTo)
    {
        var seeds = Corpus.Seeds(target, root).Select(s => s.Bytes).Concat(Corpus.Regressions(target, root).Select(r => r.Bytes)).ToList();
        var mutator = new Mutator(target, seeds, seed);
        var findings = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs; i++)
        {
            var input = mutator.Next();
            try
            {
                target.Run(input);
            }
            catch (Exception e)
            {
                // One report per kind of failure at one place: a bug found a thousand times is one bug.
                var where = $"{e.GetType().Name}: {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
                if (!seen.Add(e is FuzzFinding ? e.Message.Split(':')[0] : where)) continue;
                findings.Add(new Finding(Targets.Describe(input), e is FuzzFinding ? e.Message : e.ToString(), Save(input, saveTo)));
            }
        }
        return findings;
    }

    private static string? Save(byte[] input, string? folder)
    {
        if (folder is null) return null;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "crash-" + Convert.ToHexStringLower(SHA256.HashData(input))[..16]);
        File.WriteAllBytes(path, input);
        return path;
    }
}
