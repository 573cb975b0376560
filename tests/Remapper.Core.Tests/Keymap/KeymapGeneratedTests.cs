using CsCheck;
using Remapper.Core.Hid;
using Remapper.Core.Keymap;
using static Remapper.Core.Tests.Keymap.KeymapAssert;

namespace Remapper.Core.Tests.Keymap;

/// <summary>Random well-formed keymaps load, binding for binding, whatever names and spellings they use.</summary>
public class KeymapGeneratedTests
{
    private static readonly string[] Spellings = KeyNames.All.SelectMany(k => k.Aliases.Prepend(k.Name)).ToArray();

    [Fact]
    public void Random_valid_remap_tables_load_every_binding()
    {
        var action = Gen.OneOf(
            Gen.OneOf(Spellings),
            Gen.Select(Gen.OneOf(Spellings), Gen.OneOf(Spellings)).Where(p => Same(p.Item1, p.Item2) is false)
                .Select(p => $"{p.Item1}+{p.Item2}"),
            Gen.Const("none"),
            Gen.Int[-5, 5].Select(v => $"set(v, {v})"));
        var binding = Gen.Select(Gen.OneOf(Spellings), action);
        binding.Array[0, 20].Sample(bindings =>
        {
            // One binding per key, whichever spelling came first: a second spelling would (rightly) be an error.
            var distinct = bindings.DistinctBy(b => Usage(b.Item1)).ToList();
            var toml = "[remap]\n" + string.Concat(distinct.Select(b => $"\"{b.Item1}\" = \"{b.Item2}\"\n"));
            var model = Valid(toml);
            Assert.Equal(distinct.Select(b => Usage(b.Item1)), model.Remap.Select(b => b.From[0]));
            Assert.Equal(distinct.Count, model.Remap.Count);
        }, iter: 300, threads: 1);
    }

    private static Usage Usage(string name) => KeyNames.TryParse(name, out var u) ? u : throw new ArgumentException(name);

    private static bool Same(string a, string b) => Usage(a) == Usage(b);
}
