using Remapper.Core.Keymap;

namespace Remapper.Core.Devices;

/// <summary>Decides whether a keyboard fits a <c>[[device]]</c> match or a <c>device_if</c> identifier.</summary>
public static class DeviceMatcher
{
    /// <summary>True when every field the match sets agrees with the keyboard (unset fields match anything).</summary>
    public static bool Matches(this DeviceMatch match, KeyboardIdentity keyboard) =>
        (match.VendorId is null || match.VendorId == keyboard.VendorId)
        && (match.ProductId is null || match.ProductId == keyboard.ProductId)
        && (match.Bus is null || match.Bus == keyboard.Bus)
        && (match.BuiltIn is null || match.BuiltIn == keyboard.IsBuiltIn)
        && (match.IsKeyboard is null || match.IsKeyboard.Value) // only keyboards are ever attached to the engine
        && (match.LocationId is null || match.LocationId == keyboard.LocationId)
        && (match.NameGlob is null || Glob(match.NameGlob, keyboard.Name));

    /// <summary>
    /// Case-insensitive glob with <c>*</c> (any run) and <c>?</c> (one character). Iterative with a single
    /// backtrack point, so a hostile pattern cannot make it exponential.
    /// </summary>
    public static bool Glob(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
