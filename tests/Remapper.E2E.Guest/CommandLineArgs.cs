using System.Globalization;

namespace Remapper.E2E.Guest;

/// <summary>A minimal <c>--name value</c> / <c>--flag</c> / positional parser; the tool has four commands, not a CLI framework's worth.</summary>
internal sealed class CommandLineArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    public CommandLineArgs(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Positional.Add(arg);
            }
            else if (flags.Contains(arg))
            {
                _options[arg] = null;
            }
            else if (e.MoveNext())
            {
                _options[arg] = e.Current;
            }
            else
            {
                throw new GuestToolException($"{arg} needs a value");
            }
        }
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out string? value) ? value : null;
    }

    public string Required(string name) => Text(name) ?? throw new GuestToolException($"{name} is required");

    public long? Number(string name)
    {
        string? text = Text(name);
        if (text is null)
        {
            return null;
        }
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out long value)
            : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new GuestToolException($"{name}: '{text}' is not a number");
    }

    /// <summary>Call after reading every option: a misspelt option must not be silently ignored.</summary>
    public void RejectUnknown()
    {
        foreach (string name in _options.Keys)
        {
            if (!_read.Contains(name))
            {
                throw new GuestToolException($"unknown option {name}");
            }
        }
    }
}
