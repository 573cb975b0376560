using System.Globalization;
using Remapper.Core.Hid;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// kanata's caps-word family → <c>caps_word(…)</c> with kanata's behaviour spelled out: its timeout, its key lists
/// (<c>caps-word</c> continues on the arrows too, which QMK's defaults do not), <c>toggle</c> for the
/// <c>-toggle</c> variants, and <c>per_key_shift</c> (kanata presses and lifts shift around each shifted key).
/// </summary>
internal sealed class KanataCapsWord(KanataContext context, KanataActions actions)
{
    /// <summary>kanata's <c>caps-word</c> lists (its parser's defaults): a–z and minus shifted; these continue.</summary>
    private static readonly string[] DefaultShift =
        [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString()), "min"];

    private static readonly string[] DefaultContinue =
    [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
        "kp0", "kp1", "kp2", "kp3", "kp4", "kp5", "kp6", "kp7", "kp8", "kp9",
        "bspc", "del", "up", "down", "left", "rght",
    ];

    public string? Convert(SList list)
    {
        var head = list.Head!;
        bool custom = head.Contains("custom", StringComparison.Ordinal);
        bool toggle = head.EndsWith("toggle", StringComparison.Ordinal);
        int expected = custom ? 4 : 2;
        if (list.Items.Count != expected)
            return actions.Fail(list, custom
                ? $"{head} takes a timeout, a list of keys to shift and a list of other keys that keep it on"
                : $"{head} takes a timeout");
        if (list.Items[1] is not SAtom { Quoted: false } t
            || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int timeout) || timeout == 0)
            return actions.Fail(list.Items[1], $"{head}'s timeout is a number of milliseconds above 0");
        if (timeout > OutputActionParser.MaxDelayMs)
        {
            context.Notes.Add($"{t.Line}:{t.Column}",
                $"{head}'s timeout ({timeout} ms) is longer than a caps_word's may be: {OutputActionParser.MaxDelayMs} ms is kept");
            timeout = OutputActionParser.MaxDelayMs;
        }
        var shift = custom ? Keys(list.Items[2], head) : Names(DefaultShift);
        var keep = custom ? Keys(list.Items[3], head) : Names(DefaultContinue);
        if (shift is null || keep is null) return null;
        var options = new List<string> { $"{timeout.ToString(CultureInfo.InvariantCulture)}ms" };
        if (toggle) options.Add("toggle");
        options.Add("per_key_shift");
        options.Add($"shift='{string.Join(' ', shift)}'");
        options.Add($"continue='{string.Join(' ', keep)}'");
        return TomlText.String($"caps_word({string.Join(", ", options)})");
    }

    private static List<string> Names(string[] kanata) => [.. kanata.Select(k => KanataKeys.Key(k)!)];

    /// <summary>A kanata key list → canonical names; modifiers are left out (held shift never ends a Remapper caps_word).</summary>
    private List<string>? Keys(SExpression node, string head)
    {
        if (node is not SList list)
        {
            actions.Fail(node, $"{head} takes its keys in a list, e.g. (a b c)");
            return null;
        }
        var names = new List<string>();
        foreach (var item in list.Items)
        {
            // kanata's nop0–nop9 output nothing; a Remapper caps_word only ever sees keys that go out
            if (item is SAtom { Quoted: false, Text: ['n', 'o', 'p', >= '0' and <= '9'] }) continue;
            if (item is not SAtom { Quoted: false } atom || KanataKeys.Key(atom.Text) is not { } name
                || !KeyNames.TryParse(name, out var usage))
            {
                actions.Fail(item, $"'{item}' in {head}'s key list is not a key Remapper knows");
                return null;
            }
            if (usage.IsModifier)
            {
                if (usage != Usages.LeftShift && usage != Usages.RightShift)
                    context.Notes.Add($"{item.Line}:{item.Column}",
                        $"{atom.Text} in {head}'s list is left out: a key pressed with ctrl, alt or super held always ends a Remapper caps_word");
                continue;
            }
            if (usage.Page != UsagePages.Keyboard)
            {
                context.Notes.Add($"{item.Line}:{item.Column}",
                    $"{atom.Text} in {head}'s list is left out: keys off the keyboard page (media keys) never end a Remapper caps_word");
                continue;
            }
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }
}
