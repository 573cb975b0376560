using Remapper.Core.Import;
using Remapper.Core.Import.Karabiner;
using Remapper.Core.Keymap;
using Remapper.Core.Tests.Testing;
using Xunit.Abstractions;

namespace Remapper.Core.Tests.Import;

/// <summary>
/// karabiner.json → keymap: what a Karabiner user's real file becomes, what is reported as left out (with the
/// JSONPath of the part), and that every result loads.
/// </summary>
public class KarabinerImporterTests(ITestOutputHelper output)
{
    private static readonly string Fixtures = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "Remapper.Core.Tests", "Import", "Fixtures");

    private ImportResult ImportFixture(string name, string? profile = null)
    {
        var path = Path.Combine(Fixtures, name);
        var result = KarabinerImporter.Import(File.ReadAllText(path), name, profile);
        output.WriteLine(result.Toml ?? result.Error?.ToString());
        foreach (var note in result.NotConverted) output.WriteLine(note.ToString());
        return result;
    }

    private static KeymapModel AssertLoads(ImportResult result)
    {
        Assert.NotNull(result.Toml);
        var loaded = KeymapLoader.Load(result.Toml!, "imported.toml");
        Assert.True(loaded.Success, string.Join("\n", loaded.Diagnostics));
        return loaded.Model!;
    }

    [Fact]
    public void The_selected_profile_is_imported_by_default_and_loads()
    {
        var result = ImportFixture("karabiner.json");
        var model = AssertLoads(result);
        Assert.Contains("# Profile 1: \"Work\".", result.Toml);
        Assert.DoesNotContain("right_command = \"right_option\"", result.Toml); // that is the other profile's
        Assert.Contains("rule_alone_timeout_ms = 300", result.Toml);
        Assert.Contains("rule_held_down_threshold_ms = 250", result.Toml);
        Assert.Contains("keyboard_type = \"iso\"", result.Toml);
        Assert.NotEmpty(model.Rules);
    }

    [Fact]
    public void Profile_picks_a_profile_by_name()
    {
        var result = ImportFixture("karabiner.json", "Default profile");
        AssertLoads(result);
        Assert.Contains("[remap]", result.Toml);
        Assert.Contains("right_command = \"right_option\"", result.Toml);
        Assert.Contains("keyboard_type = \"ansi\"", result.Toml);
        Assert.Empty(result.NotConverted);
        Assert.True(result.Complete);
    }

    [Fact]
    public void An_unknown_profile_is_an_error_naming_the_profiles()
    {
        var result = ImportFixture("karabiner.json", "Home");
        Assert.Null(result.Toml);
        Assert.Equal("karabiner.json: error: no profile named \"Home\" — the profiles are \"Default profile\", \"Work\"", result.Error!.ToString());
    }

    [Fact]
    public void Each_part_left_out_is_reported_with_its_json_path()
    {
        var result = ImportFixture("karabiner.json");
        var notes = result.NotConverted.Select(n => n.ToString()).ToList();
        Assert.Contains("karabiner.json:$.profiles[1].complex_modifications.rules[2].manipulators[0].to[1].shell_command: not supported: shell_command — nothing in a keymap runs a shell command", notes);
        Assert.Contains(notes, n => n.StartsWith("karabiner.json:$.profiles[1].complex_modifications.rules[3].manipulators[0].conditions[0].type: not supported: frontmost_application_unless", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("karabiner.json:$.profiles[1].fn_function_keys[0].to[0].apple_vendor_keyboard_key_code: not supported:", StringComparison.Ordinal));
        // Karabiner was told to take over this mouse ("ignore": false); Remapper never does.
        Assert.Contains("karabiner.json:$.profiles[1].devices[2]: not supported: settings of a pointing device — Remapper takes over keyboards only", notes);
        Assert.Equal(4, notes.Count);
        Assert.False(result.Complete);
    }

    [Fact]
    public void A_left_out_part_is_a_comment_where_it_belongs()
    {
        var toml = ImportFixture("karabiner.json").Toml!;
        var lines = toml.Split('\n');
        // The shell command is dropped from its rule, which keeps the rest: t under right command does nothing.
        var shell = Array.FindIndex(lines, l => l.Contains("to[1].shell_command"));
        Assert.True(shell > 0);
        Assert.StartsWith("# not supported:", lines[shell]);
        Assert.Equal("to = [\"none\"]", lines[shell + 1]);
        // The application condition cannot be tested, so that whole manipulator is a comment with its JSON.
        var app = Array.FindIndex(lines, l => l.Contains("frontmost_application_unless"));
        Assert.Contains("This manipulator (\"Emacs keys outside the terminal\") is left out", lines[app + 1]);
        Assert.StartsWith("# {\"type\":\"basic\"", lines[app + 2]);
    }

    [Fact]
    public void Rules_variables_and_conditions_come_over_in_the_rule_syntax()
    {
        var toml = ImportFixture("karabiner.json").Toml!;
        Assert.Contains("from = { key_code = \"caps_lock\", modifiers = { optional = [\"any\"] } }", toml);
        Assert.Contains("to = [{ key_code = \"left_control\", lazy = true }]", toml);
        Assert.Contains("to_if_alone = [{ key_code = \"escape\" }]", toml);
        Assert.Contains("to = [{ set_variable = { name = \"vi_mode\", value = 1, key_up_value = 0 } }]", toml);
        Assert.Contains("conditions = [{ type = \"variable_if\", name = \"vi_mode\", value = 1 }]", toml);
        Assert.Contains("description = \"Vi mode: hold d, then hjkl are arrows\"", toml);
    }

    [Fact]
    public void Expressions_from_event_and_the_same_instant_reordering_come_over()
    {
        const string json = """
            {
              "global": { "reorder_same_timestamp_input_events_to_prioritize_modifiers": true, "check_for_updates_on_startup": true },
              "profiles": [{ "name": "p", "selected": true, "complex_modifications": { "rules": [{ "description": "r", "manipulators": [
                { "type": "basic", "from": { "key_code": "f1" },
                  "to": [{ "set_variable": { "name": "n", "expression": "n >= 3 ? 0 : n + 1", "key_up_expression": "n * 2" } }] },
                { "type": "basic", "from": { "any": "key_code", "modifiers": { "optional": "any" } },
                  "to": [{ "from_event": true, "modifiers": ["left_shift"] }],
                  "conditions": [{ "type": "expression_if", "expression": "n % 2 == 1" }] }
              ] }] } }]
            }
            """;
        var result = KarabinerImporter.Import(json, "karabiner.json", null);
        output.WriteLine(result.Toml);
        Assert.Empty(result.NotConverted);
        var toml = result.Toml!;
        Assert.Contains("modifiers_first_at_same_instant = true", toml);
        Assert.Contains("expression = \"n >= 3 ? 0 : n + 1\", key_up_expression = \"n * 2\"", toml);
        Assert.Contains("to = [{ from_event = true, modifiers = [\"left_shift\"] }]", toml);
        Assert.Contains("conditions = [{ type = \"expression_if\", expression = \"n % 2 == 1\" }]", toml);
        var model = AssertLoads(result);
        Assert.True(model.Settings.ModifiersFirstAtSameInstant);
    }

    [Fact]
    public void A_disabled_rule_is_written_out_commented_and_is_not_a_loss()
    {
        var toml = ImportFixture("karabiner.json").Toml!;
        Assert.Contains("# Disabled in Karabiner (\"enabled\": false)", toml);
        Assert.Contains("# [[rule]]\n# description = \"Right shift alone types a parenthesis (switched off)\"", toml);
        Assert.DoesNotContain("\n[[rule]]\ndescription = \"Right shift alone", toml);
    }

    [Fact]
    public void Devices_become_device_blocks_and_pointing_devices_are_left_alone()
    {
        var toml = ImportFixture("karabiner.json").Toml!;
        Assert.Contains("[[device]]\nmatch = { vendor_id = 0x05ac, product_id = 0x0342 }\n[device.remap]                        # simple_modifications\nnon_us_backslash = \"grave_accent_and_tilde\"", toml);
        Assert.Contains("[[device]]\nmatch = { vendor_id = 0x1050, product_id = 0x0407 }\nignore = true", toml);
        Assert.DoesNotContain("0x046d", toml); // the mouse (vendor 1133): Karabiner left it alone too
    }

    [Fact]
    public void Fn_function_keys_are_the_last_rules()
    {
        var toml = ImportFixture("karabiner.json").Toml!;
        var fn = toml.IndexOf("# fn_function_keys", StringComparison.Ordinal);
        Assert.True(fn > toml.LastIndexOf("# Karabiner rule", StringComparison.Ordinal));
        Assert.Contains("from = { key_code = \"f10\", modifiers = { optional = [\"any\"] } }\nto = [{ consumer_key_code = \"mute\" }]", toml[fn..]);
        Assert.Contains("to = [{ consumer_key_code = \"volume_decrement\" }]", toml[fn..]);
    }

    [Fact]
    public void Rules_see_keys_after_simple_modifications_as_in_karabiner()
    {
        // Karabiner applies simple_modifications first: caps_lock is left_control by the time rules look, so the
        // left_control rule is also caps lock's, and a rule on caps_lock itself can never run.
        const string json = """
            { "profiles": [ { "name": "p",
              "simple_modifications": [ { "from": { "key_code": "caps_lock" }, "to": [ { "key_code": "left_control" } ] } ],
              "complex_modifications": { "rules": [
                { "description": "control alone is escape", "manipulators": [
                  { "type": "basic", "from": { "key_code": "left_control" }, "to": [ { "key_code": "left_control" } ], "to_if_alone": [ { "key_code": "escape" } ] } ] },
                { "description": "dead", "manipulators": [
                  { "type": "basic", "from": { "key_code": "caps_lock" }, "to": [ { "key_code": "f1" } ] } ] } ] } } ] }
            """;
        var result = KarabinerImporter.Import(json, "k.json");
        output.WriteLine(result.Toml);
        var model = AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("from = { key_code = \"left_control\" }", result.Toml);
        Assert.Contains("from = { key_code = \"caps_lock\" }\nto = [{ key_code = \"left_control\" }]", result.Toml);
        Assert.Contains("# Never runs in Karabiner: simple_modifications turn caps_lock into left_control", result.Toml);
        Assert.Equal(2, model.Rules.Count);
    }

    [Fact]
    public void Key_names_of_older_karabiner_versions_come_over_under_their_current_names()
    {
        const string json = """
            [ { "from": { "key_code": "f5" }, "to": [ { "key_code": "illumination_decrement" } ] },
              { "from": { "key_code": "f8" }, "to": [ { "key_code": "vk_consumer_play" } ] } ]
            """;
        var result = KarabinerImporter.Import(json, "old.json");
        output.WriteLine(result.Toml);
        AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("to = [{ key_code = \"keyboard_illumination_decrement\" }]", result.Toml);
        Assert.Contains("to = [{ key_code = \"play_or_pause\" }]", result.Toml);
    }

    [Fact]
    public void A_rule_file_from_a_public_collection_imports_whole()
    {
        var result = ImportFixture("rule-file.json");
        var model = AssertLoads(result);
        Assert.True(result.Complete);
        Assert.Contains("# Rule file: \"Home row arrows\".", result.Toml);
        Assert.Equal(4, model.Rules.Count);
    }

    [Fact]
    public void Broken_json_is_an_error_with_its_line_and_column()
    {
        var result = ImportFixture("broken.json");
        Assert.Null(result.Toml);
        Assert.Equal(4, result.Error!.Line);
        Assert.Equal(7, result.Error.Column);
        Assert.StartsWith("broken.json:4:7: error: this is not valid JSON:", result.Error.ToString());
    }

    [Theory]
    [InlineData("{\"keyd\": true}")]
    [InlineData("[1, 2]")]
    [InlineData("\"profiles\"")]
    public void Json_that_is_not_karabiner_is_an_error(string json)
    {
        var result = KarabinerImporter.Import(json, "x.json");
        Assert.Null(result.Toml);
        Assert.Contains("not a Karabiner-Elements configuration", result.Error!.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"mouse_basic\",\"from\":{\"key_code\":\"a\"}}", "$[0].type: not supported: mouse_basic")]
    [InlineData("{\"from\":{\"pointing_button\":\"button1\"},\"to\":[{\"key_code\":\"a\"}]}", "$[0].from.pointing_button: not supported: mouse buttons")]
    [InlineData("{\"from\":{\"key_code\":\"a\",\"modifiers\":{\"mandatory\":[\"fn\"]}},\"to\":[{\"key_code\":\"b\"}]}", "$[0].from.modifiers.mandatory[0]: not supported: fn as a mandatory modifier")]
    [InlineData("{\"from\":{\"key_code\":\"a\"},\"to\":[{\"mouse_key\":{\"z\":10}}]}", "$[0].to[0].mouse_key: not supported: 'z' in mouse_key")]
    [InlineData("{\"from\":{\"key_code\":\"a\"},\"to\":[{\"set_variable\":{\"name\":\"x\",\"expression\":\"system.now.milliseconds + 500\"}}]}", "$[0].to[0].set_variable.expression: not supported: the expression \"system.now.milliseconds + 500\" (at character 1: system.now.milliseconds is not available")]
    [InlineData("{\"from\":{\"key_code\":\"a\"},\"to\":[{\"select_input_source\":{\"language\":\"en\"}}]}", "$[0].to[0].select_input_source: not supported:")]
    [InlineData("{\"from\":{\"key_code\":\"japanese_kanji\"},\"to\":[{\"key_code\":\"a\"}]}", "$[0].from.key_code: not supported: key 'japanese_kanji' is not a key Remapper knows")]
    [InlineData("{\"from\":{\"key_code\":\"a\",\"modifiers\":{\"mandatory\":[\"any\"]}},\"to\":[{\"key_code\":\"b\"}]}", "$[0].from.modifiers.mandatory[0]: not supported: \"any\" among mandatory modifiers")]
    [InlineData("{\"from\":{\"key_code\":\"f3\"},\"to\":[{\"key_code\":\"mission_control\"}]}", "$[0].to[0].key_code: not supported: 'mission_control' is a macOS function")]
    [InlineData("{\"from\":{\"key_code\":\"a\"},\"to\":[{\"key_code\":\"b\"}],\"conditions\":[{\"type\":\"input_source_if\",\"input_sources\":[{\"language\":\"en\"}]}]}", "$[0].conditions[0].type: not supported: input_source_if")]
    [InlineData("{\"from\":{\"key_code\":\"a\"},\"to\":[{\"key_code\":\"b\"}],\"conditions\":[{\"type\":\"device_if\",\"identifiers\":[{\"device_address\":\"ec-ba-73-21-e6-f5\"}]}]}", "$[0].conditions[0].identifiers[0].device_address: not supported:")]
    public void Unsupported_manipulator_parts_are_noted_and_the_rest_still_loads(string manipulator, string note)
    {
        var result = KarabinerImporter.Import($"[{manipulator}, {{\"from\":{{\"key_code\":\"q\"}},\"to\":[{{\"key_code\":\"w\"}}]}}]", "rules.json");
        output.WriteLine(result.Toml);
        Assert.Contains(result.NotConverted, n => n.ToString().StartsWith("rules.json:" + note, StringComparison.Ordinal));
        var model = AssertLoads(result);
        Assert.NotEmpty(model.Rules); // q → w is still there
    }

    [Fact]
    public void Every_restated_karabiner_rule_file_imports_into_a_keymap_that_loads()
    {
        var folder = Path.Combine(ScenarioFileTests.RepoRoot, "tests", "conformance", "karabiner", "rules");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var result = KarabinerImporter.Import(File.ReadAllText(file), Path.GetFileName(file));
            var loaded = KeymapLoader.Load(result.Toml ?? "", file);
            Assert.True(loaded.Success, $"{file}:\n{string.Join("\n", loaded.Diagnostics)}\n{result.Toml}");
        }
    }
}
