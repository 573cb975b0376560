using System.Globalization;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap.Loading;

namespace Remapper.Core.Import.Kanata;

/// <summary>
/// A kanata configuration (.kbd) → keymap TOML: defsrc with deflayer / deflayermap (the first layer is the keymap's
/// [remap], the others [layer.NAME]), defalias and defvar (expanded where used), defcfg options that map, defhands,
/// defchordsv2, and the actions <see cref="KanataActions"/> knows. Everything else is listed in
/// <see cref="ImportResult.NotConverted"/> with FILE:LINE:COL and left in the text as a comment. The result always
/// loads (<see cref="KanataLoadable"/>). docs/import.md describes the mapping.
/// </summary>
public static class KanataImporter
{
    private static readonly HashSet<string> HarmlessCfg = new(StringComparer.Ordinal)
    {
        // Remapper passes keys no binding mentions through unchanged, which is what either setting gives the user.
        "process-unmapped-keys", "log-layer-changes", "delegate-to-first-layer",
    };

    public static ImportResult Import(string text, string source)
    {
        var (items, line, column, error) = SExpressionReader.Read(text);
        if (items is null) return ImportResult.Failed(new ImportError(source, line, column, $"this is not a kanata configuration: {error}"));
        var forms = items.OfType<SList>().ToList();
        if (forms.Count == 0 || !forms.Any(f => f.Head is "defsrc" or "deflayer" or "deflayermap"))
            return ImportResult.Failed(new ImportError(source, 0, 0,
                "this is not a kanata configuration: it has no (defsrc …) and no (deflayer …)"));

        var notes = new ImportNotes(source);
        var context = new KanataContext(source, notes);
        var converter = new Converter(context, forms);
        var lines = converter.Lines();
        var (body, loadError) = KanataLoadable.Make(lines, converter.Places, notes);
        if (loadError is not null) return ImportResult.Failed(new ImportError(source, 0, 0, $"the converted keymap cannot load: {loadError}"));
        var header = new List<string> { $"# Imported from {source} by `remapper import kanata`." };
        if (notes.All.Count > 0) header.Add($"# {notes.All.Count} part(s) could not be converted: see the 'not supported' comments below.");
        var toml = string.Join("\n", header.Concat(body)) + "\n";
        var bytes = System.Text.Encoding.UTF8.GetByteCount(toml);
        if (bytes > KeymapFileReader.MaxBytes)
            return ImportResult.Failed(new ImportError(source, 0, 0, $"the converted keymap would be {bytes} bytes, more than a keymap file may hold ({KeymapFileReader.MaxBytes})"));
        return new ImportResult(toml, notes.All, null);
    }

    /// <summary>Writes the keymap lines and remembers which kanata place each binding line came from.</summary>
    private sealed class Converter(KanataContext context, List<SList> forms)
    {
        private readonly KanataActions _actions = new(context);
        private readonly List<string> _settings = [];
        private readonly List<string> _comboLines = [];
        private readonly List<string> _leftOut = [];
        private KanataSequences? _sequencesPart;
        private KanataSequences Sequences => _sequencesPart ??= new KanataSequences(context, _actions);

        /// <summary>Output line index → the kanata place (LINE:COL) it converts.</summary>
        public Dictionary<int, string> Places { get; } = [];

        public List<string> Lines()
        {
            var src = new List<SAtom>();
            var layers = new List<(string Name, SList Form, bool Map)>();
            SList? hands = null, chords = null;
            foreach (var form in forms)
            {
                switch (form.Head)
                {
                    case "defsrc":
                        foreach (var item in form.Items.Skip(1))
                            if (item is SAtom a) src.Add(a);
                            else Note(item, "defsrc holds key names only");
                        break;
                    case "deflayer":
                    case "deflayermap":
                        var name = LayerTitle(form);
                        if (name is null) { Note(form, $"a {form.Head} without a name"); break; }
                        layers.Add((name, form, form.Head == "deflayermap"));
                        break;
                    case "defalias":
                        Pairs(form, context.Aliases, "defalias");
                        break;
                    case "defvar":
                        Pairs(form, context.Variables, "defvar");
                        break;
                    case "defcfg":
                        break;
                    case "defhands":
                        hands = form;
                        break;
                    case "defchordsv2":
                    case "defchordsv2-experimental":
                        chords = form;
                        break;
                    case "defseq" or "defvirtualkeys" or "deffakekeys":
                        Sequences.Collect(form, Note);
                        break;
                    default:
                        Note(form, $"kanata's ({form.Head ?? "…"} …) has no Remapper equivalent yet");
                        break;
                }
            }
            foreach (var form in forms.Where(f => f.Head == "defcfg")) Cfg(form);
            for (int i = 0; i < layers.Count; i++)
                context.Layers[layers[i].Name] = i == 0 ? "base" : SafeName(layers[i].Name, i);
            if (hands is not null) Hands(hands);

            var lines = new List<string> { "version = 1" };
            // kanata lets a chord's keys go in the order it pressed them, and an output chord's (S-9) at the next key press.
            _settings.Insert(0, "chord_release_order = \"pressed\"");
            _settings.Insert(1, "chord_ends_at_next_press = true");
            var layerLines = new List<List<string>>();
            foreach (var (name, form, map) in layers) layerLines.Add(Layer(form, map, src, isBase: layerLines.Count == 0));
            if (chords is not null) Chords(chords);
            var sequenceLines = _sequencesPart?.Lines(Note, _leftOut) ?? [];

            if (_settings.Count > 0)
            {
                lines.Add("");
                lines.Add("[settings]");
                Append(lines, _settings);
            }
            lines.Add("");
            lines.Add("[remap]");
            if (layers.Count > 0) lines.Add($"# kanata layer '{layers[0].Name}' (its first: the base layer)");
            Append(lines, layerLines.Count > 0 ? layerLines[0] : []);
            Append(lines, _comboLines);
            for (int i = 1; i < layers.Count; i++)
            {
                lines.Add("");
                lines.Add($"[layer.{context.Layers[layers[i].Name]}]");
                if (context.Layers[layers[i].Name] != layers[i].Name) lines.Add($"# kanata layer '{layers[i].Name}'");
                Append(lines, layerLines[i]);
            }
            if (sequenceLines.Count > 0)
            {
                lines.Add("");
                lines.Add("[sequences]");
                Append(lines, sequenceLines);
            }
            if (_leftOut.Count > 0)
            {
                lines.Add("");
                lines.Add("# Not converted from the rest of the file:");
                lines.AddRange(_leftOut);
            }
            return lines;
        }

        /// <summary>Adds converted lines; a line may carry its kanata place after a tab (kept in <see cref="Places"/>).</summary>
        private void Append(List<string> lines, List<string> more)
        {
            foreach (var line in more)
            {
                var tab = line.IndexOf('\t');
                if (tab >= 0)
                {
                    Places[lines.Count] = line[(tab + 1)..];
                    lines.Add(line[..tab]);
                }
                else lines.Add(line);
            }
        }

        private static string? LayerTitle(SList form)
        {
            if (form.Items.Count < 2) return null;
            return form.Items[1] switch
            {
                SAtom a => a.Text,
                SList { Items: [SAtom a, ..] } => a.Text,
                _ => null,
            };
        }

        private static string SafeName(string name, int index)
        {
            var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
            if (safe.Length == 0 || !char.IsAsciiLetter(safe[0])) safe = "l" + safe;
            return safe == "base" ? $"base_{index}" : safe;
        }

        private void Pairs(SList form, Dictionary<string, SExpression> into, string what)
        {
            var items = form.Items.Skip(1).ToList();
            for (int i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i] is SAtom name) into[name.Text] = items[i + 1];
                else Note(items[i], $"a {what} name must be a word");
            }
            if (items.Count % 2 == 1) Note(items[^1], $"this {what} name has no value");
        }

        private void Cfg(SList form)
        {
            var items = form.Items.Skip(1).ToList();
            for (int i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i] is not SAtom key) { Note(items[i], "a defcfg option name must be a word"); continue; }
                var value = items[i + 1] as SAtom;
                if (HarmlessCfg.Contains(key.Text)) continue;
                if (KanataSequences.Setting(key, value, Note) is { } sequenceSetting)
                {
                    if (sequenceSetting.Length > 0) _settings.Add(sequenceSetting);
                    continue;
                }
                if (key.Text == "tap-hold-require-prior-idle" && value is not null && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    context.PriorIdleMs = ms;
                    continue;
                }
                if (key.Text is "chords-v2-min-idle" or "chords-v2-min-idle-experimental" && value is not null && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var idle))
                {
                    _chordsMinIdleMs = idle;
                    continue;
                }
                if (key.Text == "concurrent-tap-hold" && value?.Text is "no" or "false") continue;
                Note(key, key.Text switch
                {
                    "concurrent-tap-hold" => "concurrent-tap-hold (a queued tap-hold's term starting at its own press) has no Remapper equivalent yet",
                    "danger-enable-cmd" => "nothing in a Remapper keymap runs a shell command",
                    "linux-dev" or "linux-dev-names-include" or "linux-dev-names-exclude" or "macos-dev-names-include" or "macos-dev-names-exclude" =>
                        $"{key.Text}: choose keyboards with [[device]] blocks (docs/keymap.md)",
                    _ => $"defcfg option {key.Text} has no Remapper equivalent",
                });
            }
        }

        private void Hands(SList form)
        {
            var sides = new List<string>();
            foreach (var item in form.Items.Skip(1))
            {
                if (item is not SList { Head: "left" or "right" } side) { Note(item, "defhands holds (left …) and (right …)"); continue; }
                var keys = new List<string>();
                foreach (var k in side.Items.Skip(1))
                {
                    if (k is SAtom a && KanataKeys.Key(a.Text) is { } key) keys.Add(TomlText.String(key));
                    else Note(k, $"'{k}' is not a key");
                }
                sides.Add(TomlText.Entry(side.Head!, TomlText.Array(keys)));
            }
            _settings.Add($"hands = {TomlText.Table(sides)}\t{form.Line}:{form.Column}");
        }

        private List<string> Layer(SList form, bool map, List<SAtom> src, bool isBase)
        {
            var lines = new List<string>();
            var pairs = new List<(SAtom Key, SExpression Action)>();
            var items = form.Items.Skip(2).ToList();
            if (map)
            {
                for (int i = 0; i + 1 < items.Count; i += 2)
                {
                    if (items[i] is SAtom key) pairs.Add((key, items[i + 1]));
                    else Note(items[i], "deflayermap maps key names");
                }
                if (items.Count % 2 == 1) Note(items[^1], "this key has no action");
            }
            else
            {
                if (items.Count != src.Count)
                    Note(form, $"deflayer '{LayerTitle(form)}' has {items.Count} item(s) but defsrc has {src.Count}");
                for (int i = 0; i < Math.Min(items.Count, src.Count); i++) pairs.Add((src[i], items[i]));
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (srcKey, action) in pairs)
            {
                if (srcKey.Text is "_" or "__" or "___") { Note(srcKey, "deflayermap's catch-all keys have no Remapper equivalent yet"); continue; }
                var name = KanataKeys.Key(srcKey.Text);
                if (name is null) { Note(srcKey, $"'{srcKey.Text}' is not a key Remapper knows"); continue; }
                if (!seen.Add(name)) continue;
                int mark = context.Notes.Mark;
                var value = _actions.Convert(action);
                if (value is null)
                {
                    lines.AddRange(context.Notes.CommentsSince(mark));
                    lines.AddRange(TomlText.Comment($"{TomlText.Key(name)} = {Shown(action)}"));
                    continue;
                }
                if (value == KanataActions.Transparent) continue;
                if (isBase && value == TomlText.String(name)) continue; // the key as itself: nothing to write
                lines.Add($"{TomlText.Key(name)} = {value}\t{action.Line}:{action.Column}");
            }
            return lines;
        }

        /// <summary>defcfg's chords-v2-min-idle (kanata's default: 5 ms).</summary>
        private int _chordsMinIdleMs = 5;

        /// <summary>
        /// defchordsv2's 5-tuples → combos in [remap]: the first chord's timeout is [settings] combo_term_ms, another
        /// timeout is the combo's term_ms; all-released is key_up_when = "all"; the disabled layers are disabled_layers.
        /// </summary>
        private void Chords(SList form)
        {
            var items = form.Items.Skip(1).ToList();
            int? term = null;
            for (int i = 0; i < items.Count; i += 5)
            {
                if (i + 5 > items.Count) { Note(items[i], "defchordsv2 takes groups of five: keys, action, timeout, release behaviour, disabled layers"); break; }
                if (items[i] is not SList keys) { Note(items[i], "a chord starts with its list of keys"); continue; }
                var names = new List<string>();
                foreach (var k in keys.Items)
                    if (k is SAtom a && KanataKeys.Key(a.Text) is { } name) names.Add(name);
                    else { Note(k, $"'{k}' is not a key"); names.Clear(); break; }
                if (names.Count < 2) continue;
                int mark = context.Notes.Mark;
                var action = _actions.Convert(items[i + 1]);
                if (action is null)
                {
                    _leftOut.AddRange(context.Notes.CommentsSince(mark));
                    _leftOut.AddRange(TomlText.Comment($"{Shown(keys)} {Shown(items[i + 1])}"));
                    continue;
                }
                var options = new List<string>();
                if (items[i + 2] is SAtom t && int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                {
                    ms = Math.Clamp(ms, 1, 1000);
                    if (term is null) term = ms;
                    else if (term != ms) options.Add($"term_ms = {ms.ToString(CultureInfo.InvariantCulture)}");
                }
                else Note(items[i + 2], "a chord's timeout is a number of milliseconds");
                if (items[i + 3] is SAtom { Text: "all-released" }) options.Add("key_up_when = \"all\"");
                else if (items[i + 3] is not SAtom { Text: "first-release" }) Note(items[i + 3], "a chord's release behaviour is first-release or all-released");
                if (items[i + 4] is SList { Items.Count: > 0 } disabled)
                {
                    var layers = new List<string>();
                    foreach (var l in disabled.Items)
                        if (l is SAtom layer && context.LayerName(layer.Text) is { } mapped) layers.Add(TomlText.String(mapped));
                        else Note(l, $"'{l}' is not a layer of this file");
                    if (layers.Count > 0) options.Add($"disabled_layers = [{string.Join(", ", layers)}]");
                }
                var value = options.Count == 0 ? action : $"{{ combo = {action}, {string.Join(", ", options)} }}";
                _comboLines.Add($"{TomlText.String(string.Join("+", names))} = {value}\t{keys.Line}:{keys.Column}");
            }
            if (term is { } combo) _settings.Add($"combo_term_ms = {combo.ToString(CultureInfo.InvariantCulture)}\t{form.Line}:{form.Column}");
            _settings.Add($"combo_min_idle_ms = {Math.Clamp(_chordsMinIdleMs, 0, 10_000).ToString(CultureInfo.InvariantCulture)}\t{form.Line}:{form.Column}");
            // kanata keeps a release that comes while chord keys wait behind them, and they go on waiting.
            _settings.Add($"combo_releases_wait = true\t{form.Line}:{form.Column}");
        }

        private void Note(SExpression at, string message)
        {
            context.Notes.Add($"{at.Line}:{at.Column}", message);
            _leftOut.Add($"# not supported: {at.Line}:{at.Column}: {message}");
            _leftOut.AddRange(TomlText.Comment(Shown(at)));
        }

        /// <summary>kanata text as written (re-spaced), shortened: enough to find and redo it by hand.</summary>
        private static string Shown(SExpression node)
        {
            var text = node.ToString();
            return text.Length <= 300 ? text : text[..300] + " …";
        }
    }
}
