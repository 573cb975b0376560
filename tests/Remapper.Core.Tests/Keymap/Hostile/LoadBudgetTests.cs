using Remapper.Core.Engine;
using Remapper.Core.Keymap;
using Remapper.Core.Keymap.Loading;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap.Hostile;

/// <summary>
/// Per-input budgets (issue 13): every hostile shape and every generated big keymap loads, or is rejected, within a
/// bounded allocation, counted with GC.GetAllocatedBytesForCurrentThread (the loader runs on the calling thread), not
/// a wall clock. The budgets are about 1.5 times what the loader allocates today: they catch a shape that goes
/// quadratic or exponential again (the doubling aliases used to reach 4 GB), not a few percent of drift.
/// </summary>
public class LoadBudgetTests
{
    /// <summary>Ceiling for any file under the size limit, in bytes allocated per byte of keymap (today: up to about 300).</summary>
    public const long BytesPerInputByte = 512;

    private static KeymapLoadResult WithinBudget(string text, long budgetMiB, string what)
    {
        var (result, bytes) = Allocation.Measure(() => Load(text));
        Allocation.AtMost(bytes, budgetMiB * Allocation.MiB, what);
        Allocation.AtMost(bytes, BytesPerInputByte * text.Length + 16 * Allocation.MiB, what + " (per input byte)");
        return result;
    }

    private static void Compiles(KeymapLoadResult result)
    {
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Take(5)));
        CompiledKeymap.Compile(result.Model!);
    }

    [Fact]
    public void Ten_thousand_layers_load_within_budget()
    {
        var result = WithinBudget(BigKeymaps.Layers(10_000), 80, "10 000 layers");
        Compiles(result);
        Assert.Equal(10_000, result.Model!.Layers.Count);
    }

    [Fact]
    public void A_hundred_thousand_remaps_load_within_budget()
    {
        var text = BigKeymaps.Remaps(100_000);
        Assert.True(text.Length < KeymapFileReader.MaxBytes);
        var result = WithinBudget(text, 320, "100 000 remaps");
        Compiles(result);
        Assert.Equal(100_000, result.Model!.Layers.Sum(l => l.Bindings.Count(b => b.Action is ChordAction)));
    }

    [Fact]
    public void Sixty_thousand_combos_load_within_budget()
    {
        var text = BigKeymaps.Combos(60_000);
        Assert.True(text.Length < KeymapFileReader.MaxBytes);
        var result = WithinBudget(text, 200, "60 000 combos");
        Compiles(result);
        Assert.Equal(60_000, result.Model!.Layers.Sum(l => l.Bindings.Count(b => b.From.Count == 2)));
    }

    public static TheoryData<string, string, int> HostileShapes => new()
    {
        { "doubling sequences", HostileKeymaps.DoublingSequences(), 8 },
        { "doubling chords", HostileKeymaps.DoublingChords(), 8 },
        { "2 000 layers, 500 typos", HostileKeymaps.ManyLayersManyTypos(), 32 },
        { "50 000-deep alias chain", HostileKeymaps.AliasChain(50_000, bottomUp: false), 170 },
        { "50 000-deep alias chain, bottom up", HostileKeymaps.AliasChain(50_000, bottomUp: true), 170 },
        { "a megabyte of open brackets", "a = " + new string('[', KeymapFileReader.MaxBytes - 8), 16 },
        { "a megabyte of plus signs", "[remap]\na = \"" + new string('+', KeymapFileReader.MaxBytes - 20) + "\"\n", 16 },
    };

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void Hostile_shapes_are_rejected_within_budget(string what, string text, int budgetMiB)
    {
        var result = WithinBudget(text, budgetMiB, what);
        Assert.False(result.Success);
    }
}
