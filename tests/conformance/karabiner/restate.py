#!/usr/bin/env python3
"""Restate Karabiner-Elements' post_event_to_virtual_devices suite as .keytest files.

Usage: restate.py KARABINER_CHECKOUT COMMIT

  e.g.  git clone https://github.com/pqrs-org/Karabiner-Elements /tmp/ke
        python3 tests/conformance/karabiner/restate.py /tmp/ke "$(git -C /tmp/ke rev-parse HEAD)"

KARABINER_CHECKOUT is a copy of pqrs-org/Karabiner-Elements (only
tests/src/post_event_to_virtual_devices/json is read); COMMIT is the commit it was taken from, named in
every generated file. Writes, beside this script:

  rules/NAME.json    each Karabiner rule file's manipulators, restated as a karabiner.json profile (with the
                     harness' fixed fn_function_keys stage, f10 -> mute, which the harness always adds)
  NAME.keytest       one test per Karabiner case that loads that rule file; `keymap rules/NAME.json` is
                     imported on the fly, exactly as `remapper import karabiner` would import it

This restates facts (inputs, expected outputs); it copies no code. Karabiner's expected output is a list of
virtual-HID reports: each report is diffed against the previous one of its kind into key changes (releases
before presses when one report changes several keys). Report time stamps show Karabiner's 5 ms output pacing,
so they are not asserted, except where the time is the feature (hold_down_milliseconds).

A case that ends with keys held gets the physical releases appended (reverse press order) and, as the
expected output of those, the release of every output key Karabiner's last report still holds, in reverse
order of their presses: both marked `# appended`. Where every key is up but Karabiner's last report still
holds a key (a lazy release Karabiner sends with the next event), only that expected release is appended. Cases whose input or output is a mouse event or Apple's fn
key are not restated (a .keytest has no way to write them); they are listed in NOT_RESTATED.md.
Input entries a .keytest cannot write are left out of the restated case with a `# restated without:` comment
(the case still asserts Karabiner's whole output). Known differences (cases Remapper does not pass yet) carry
the reason given in KNOWN_DIFFERENCES below.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Cases whose input ends while one of Karabiner's timers is still pending: Karabiner's case stops there, but a
# .keytest lets 10 s pass after the last input, so the timer fires. The expected output of that (what the rule
# says Karabiner sends when the timer fires), or of appended releases whose order the generic guess gets
# wrong, is written here: stem -> (why, the appended expected lines, replacing the generic guess).
APPENDED_OUTPUT = {
    "to_delayed_action_1": (
        "after the case, the 500 ms delayed action is invoked (nothing cancels it): to_if_invoked taps b, then left_shift+c",
        ["b down", "b up", "left_shift down", "c down", "c up", "left_shift up"]),
    "to_conditions_1": (
        "releasing f12 releases b; after the case the 500 ms delayed action is invoked: to_if_invoked taps f1",
        ["b up", "f1 down", "f1 up"]),
    "simultaneous_5": (
        "the last s down still waits for a simultaneous partner when Karabiner's case ends; released, it is sent as typed (down, up)",
        ["s down", "s up"]),
    "sort_events_1": (
        "f2 goes up first (reverse press order), releasing the left_shift it sent, then f1, releasing its f2",
        ["left_shift up", "f2 up"]),
    "to_if_held_down_6": (
        "tab, then f4 go up (reverse press order), f4 releasing its to_if_held_down f5; then left_shift",
        ["tab up", "f5 up", "left_shift up"]),
}

# Cases that end with a modifier latched on purpose (a sticky_modifier): nothing Karabiner's case does releases
# it, and a .keytest requires everything released by the end. The input appended here ends the latch the way the
# rule itself does (stem -> (why, appended input lines)); the appended expected output is in APPENDED_OUTPUT.
APPENDED_INPUT = {
    "sticky_modifier_3": (
        "left_shift pressed again toggles the sticky left_shift off; once the keyboard's keys are all up, Karabiner releases it",
        ["left_shift down", "left_shift up", "keys-released default"]),
}
APPENDED_OUTPUT["sticky_modifier_3"] = (
    "the sticky left_shift toggled off by the appended press goes up", ["left_shift up"])

# Reasons for the cases Remapper's engine does not pass yet (keyed by the input file's stem). Filled in from
# runs against the engine; docs/compatibility.md lists the same.
KNOWN_DIFFERENCES = {

    "simultaneous_5": "s pressed again while spacebar is held: Karabiner's last report (stamped 16 ms, after one stamped 35 ms; the case runs with manipulation paused) releases spacebar while it is still held; Remapper keeps it held until it goes up",
    "simultaneous_26": "simultaneous_options.detect_key_down_uninterruptedly: the engine does not give Karabiner's result (5 down, 1 down, 1 up, 5 up)",
}

# Input entries a .keytest cannot write: the case is restated without them and marked with this reason.
INEXPRESSIBLE_INPUT = {
    "stop_keyboard_repeat": "Karabiner's stop_keyboard_repeat event has no .keytest equivalent (Remapper leaves repeat to the kernel)",
    "frontmost_application_changed": "frontmost_application_changed: Remapper does not see applications",
    "delay_milliseconds_before_sleep_shortcut": "delay_milliseconds_before_sleep_shortcut is a macOS setting with no keymap equivalent",
    "reorder_same_timestamp_input_events_to_prioritize_modifiers": None,  # handled below: only `true` changes anything
    "manipulate": None,  # a re-run of the manipulators at a time stamp: the keytest's virtual clock does the same
    "invalid": "an event marked invalid (validity: false) has no .keytest input",
    "lazy": "a lazy input event has no .keytest input",
}

# Cases about an input a .keytest cannot write, or a property it does not compare: restated without it they
# would pass whatever Remapper does, so they are not restated (and not counted).
NOT_COMPARABLE = {
    "stop_keyboard_repeat_1": "the case is about Karabiner's stop_keyboard_repeat event, which has no .keytest equivalent (Remapper leaves key repeat to the kernel)",
    "stop_keyboard_repeat_2": "the case is about Karabiner's stop_keyboard_repeat event, which has no .keytest equivalent (Remapper leaves key repeat to the kernel)",
    "stop_keyboard_repeat_3": "the case is about Karabiner's stop_keyboard_repeat event, which has no .keytest equivalent (Remapper leaves key repeat to the kernel)",
    "sleep_shortcut_delay_1": "the case is about the delay macOS needs before its sleep shortcut: report times, which a restated case does not compare",
    "sleep_shortcut_delay_2": "the case is about delay_milliseconds_before_sleep_shortcut, a macOS setting with no keymap equivalent",
    "sleep_shortcut_delay_3": "the case is about the macOS login window (frontmost_application_changed), which Remapper does not see",
    "simultaneous_10": "the case is about events marked invalid (validity: false), which have no .keytest input",
}

# Marks a case that turns the same-instant reordering on: it is restated against the _reorder configuration.
REORDER = "reorder"

NOT_KEYBOARD = ("pointing_button", "pointing_motion", "pointing_device_event_from_event_tap")


def load_jsonc(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)
    text = re.sub(r",(\s*[\]}])", r"\1", text)
    return json.loads(text)


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def restate_rules(suite, rule_file, commit, reorder=False):
    """rules/X.json(c) -> tests/conformance/karabiner/rules/X.json (a karabiner.json profile).

    With `reorder`, the cases that turn reorder_same_timestamp_input_events_to_prioritize_modifiers on: the
    configuration is rules/X_reorder.json, with that global setting set, as a karabiner.json sets it."""
    manipulators = load_jsonc(os.path.join(suite, rule_file))
    name = stem(rule_file) + ("_reorder" if reorder else "")
    config = {
        "_restated_from": f"pqrs-org/Karabiner-Elements@{commit} tests/src/post_event_to_virtual_devices/{rule_file}",
        **({"global": {"reorder_same_timestamp_input_events_to_prioritize_modifiers": True}} if reorder else {}),
        "profiles": [{
            "name": f"conformance {name}",
            "selected": True,
            "complex_modifications": {
                "rules": [{"description": f"manipulators of {os.path.basename(rule_file)}", "manipulators": manipulators}],
            },
            # manipulator_helper.hpp always adds this fn_function_keys stage after the rules.
            "fn_function_keys": [{"from": {"key_code": "f10"}, "to": [{"consumer_key_code": "mute"}]}],
        }],
    }
    os.makedirs(os.path.join(HERE, "rules"), exist_ok=True)
    with open(os.path.join(HERE, "rules", name + ".json"), "w", encoding="utf-8") as out:
        json.dump(config, out, indent=2)
        out.write("\n")
    return name


class Skip(Exception):
    pass


def key_of(event):
    e = event["event"]
    if e["type"] != "momentary_switch_event":
        return None
    m = e["momentary_switch_event"]
    if "key_code" in m:
        if not isinstance(m["key_code"], str):
            raise Skip(f"a numeric key code ({m['key_code']})")
        if m["key_code"] == "fn":
            raise Skip("Apple's fn key")
        return m["key_code"]
    if "consumer_key_code" in m:
        return m["consumer_key_code"]
    raise Skip("a mouse button" if "pointing_button" in m else f"an event of kind {list(m)}")


def restate_input(entries, case_reasons):
    """Input queue -> (.keytest input lines, keys held at the end as [(key, device)], device names)."""
    lines, held, devices = [], [], {}
    now = 0

    def device_name(device_id):
        if device_id not in devices:
            devices[device_id] = "default" if not devices else f"device_{device_id}"
        return devices[device_id]

    def wait_until(t):
        nonlocal now
        if t > now:
            lines.append(f"    {t - now}ms")
            now = t

    for entry in entries:
        if "pause_manipulation" in entry:
            continue  # batching only: every event keeps its own time stamp, which the virtual clock replays
        if "reorder_same_timestamp_input_events_to_prioritize_modifiers" in entry:
            if entry["reorder_same_timestamp_input_events_to_prioritize_modifiers"]:
                case_reasons.append(REORDER)
            continue
        if "delay_milliseconds_before_sleep_shortcut" in entry:
            case_reasons.append(INEXPRESSIBLE_INPUT["delay_milliseconds_before_sleep_shortcut"])
            continue
        if "action" in entry:
            if entry["action"] in ("invoke_dispatcher", "manipulate") and "time_stamp" in entry:
                wait_until(entry["time_stamp"])
            continue
        event_type = entry["event"]["type"]
        if event_type in NOT_KEYBOARD:
            raise Skip("mouse events")
        if event_type != "momentary_switch_event":
            reason = INEXPRESSIBLE_INPUT.get(event_type)
            if event_type == "device_ungrabbed":
                # The device goes away with whatever it held: exactly `unplug`. Nothing it held stays held.
                wait_until(entry["event_time_stamp"]["time_stamp"])
                name = device_name(entry["device_id"])
                lines.append(f"    unplug {name}")
                held[:] = [(k, d) for k, d in held if d != name]
                continue
            if event_type == "caps_lock_state_changed":
                # The LED state the desktop set on the virtual keyboard, fed back to the engine.
                wait_until(entry["event_time_stamp"]["time_stamp"])
                on = entry["event"]["caps_lock_state_changed"]
                lines.append(f"    led caps_lock {'on' if on else 'off'}")
                continue
            if event_type == "device_keys_and_pointing_buttons_are_released":
                # The keyboard reports every key up: what it still held goes up without key-up events.
                wait_until(entry["event_time_stamp"]["time_stamp"])
                name = device_name(entry["device_id"])
                lines.append(f"    keys-released {name}")
                held[:] = [(k, d) for k, d in held if d != name]
                continue
            case_reasons.append(reason or f"the input event {event_type} has no .keytest equivalent")
            continue
        if not entry.get("validity", True):
            case_reasons.append(INEXPRESSIBLE_INPUT["invalid"])
            continue
        if entry.get("lazy"):
            case_reasons.append(INEXPRESSIBLE_INPUT["lazy"])
        if "event_integer_value" in entry:
            raise Skip("an integer_value event")
        key = key_of(entry)
        wait_until(entry["event_time_stamp"]["time_stamp"])
        name = device_name(entry["device_id"])
        on = "" if name == "default" else f" on {name}"
        kind = entry["event_type"]
        if kind == "key_down":
            lines.append(f"    {key} down{on}")
            if (key, name) not in held:
                held.append((key, name))
        elif kind == "key_up":
            lines.append(f"    {key} up{on}")
            if (key, name) in held:
                held.remove((key, name))
        else:
            raise Skip(f"a '{kind}' key event")
    return lines, held, devices


def report_keys(report):
    kind = report["type"]
    if kind == "keyboard_input":
        body = report["keyboard_input"]
        keys = [k["key_code"] for k in body.get("keys", [])]
        return keys + list(body.get("modifiers", []))
    if kind == "consumer_input":
        return [k["consumer_key_code"] for k in report["consumer_input"].get("keys", [])]
    if kind == "apple_vendor_top_case_input":
        raise Skip("Apple's fn key in the output")
    if kind == "pointing_input":
        raise Skip("mouse output")
    raise Skip(f"output of kind {kind}")


def restate_output(reports, timed):
    """Reports -> (expected lines, output keys still down at the end, in press order).

    With `timed`, a release is asserted at its report's time when that report comes later than Karabiner's
    5 ms pacing explains (the hold_down_milliseconds wait): the only report times that are the feature."""
    lines, down = [], []
    previous = {}
    last_time = None
    for report in reports:
        kind = report["type"]
        keys = report_keys(report)
        before = previous.get(kind, [])
        waited = last_time is not None and report["time_stamp"] - last_time > 5
        last_time = report["time_stamp"]
        for key in before:
            if key not in keys:
                lines.append(f"    {key} up" + (f" @{report['time_stamp']}ms" if timed and waited else ""))
                down.remove(key)
        for key in keys:
            if key not in before:
                lines.append(f"    {key} down")
                down.append(key)
        previous[kind] = keys
    return lines, down


def restate_case(case, suite, commit):
    reasons = []
    entries = load_jsonc(os.path.join(suite, case["input_event_queue"]))
    reports = load_jsonc(os.path.join(suite, case["expected_post_event_to_virtual_devices_queue"]))
    case_stem = stem(case["input_event_queue"])
    input_lines, held, devices = restate_input(entries, reasons)
    expected, down = restate_output(reports, timed=case_stem.startswith("hold_down_milliseconds"))
    appended_input = [f"    {k} up" + ("" if d == "default" else f" on {d}") + "    # appended" for k, d in reversed(held)]
    if REORDER in reasons and len(appended_input) > 1:
        # With the same-instant reordering on, releases of one instant would be reordered: the appended releases are
        # 1 ms apart, so they go up in the order written, as the appended expected output assumes.
        appended_input = [line for i, line in enumerate(appended_input) for line in ([line] if i == 0 else ["    1ms    # appended", line])]
    appended_output = [f"    {k} up    # appended" for k in reversed(down)]
    if case_stem in APPENDED_INPUT:
        why, lines = APPENDED_INPUT[case_stem]
        appended_input += [f"    # appended: {why}"] + [f"    {line}    # appended" for line in lines]
    appended = "held" if held else "lazy" if down else None
    if case_stem in APPENDED_OUTPUT:
        why, lines = APPENDED_OUTPUT[case_stem]
        appended_output = [f"    # appended: {why}"] + [f"    {line}    # appended" for line in lines]
    return case_stem, input_lines + appended_input, expected + appended_output, devices, reasons, appended


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    checkout, commit = sys.argv[1], sys.argv[2]
    suite = os.path.join(checkout, "tests", "src", "post_event_to_virtual_devices")
    cases = load_jsonc(os.path.join(suite, "json", "tests.json"))

    by_rules, skipped = {}, []
    for case in cases:
        if len(case["rules"]) != 1:
            skipped.append((case["description"], "several rule files"))
            continue
        if stem(case["input_event_queue"]) in NOT_COMPARABLE:
            skipped.append((case["description"], NOT_COMPARABLE[stem(case["input_event_queue"])]))
            continue
        try:
            restated = restate_case(case, suite, commit)
        except Skip as why:
            skipped.append((case["description"], str(why)))
            continue
        reorder = REORDER in restated[4]
        if reorder:
            restated[4].remove(REORDER)
        by_rules.setdefault((case["rules"][0], reorder), []).append((case, restated))

    total = 0
    for (rule_file, reorder), group in by_rules.items():
        name = restate_rules(suite, rule_file, commit, reorder)
        devices = {}
        for _, restated in group:
            for device_id, device in restated[3].items():
                if device != "default":
                    devices[device] = device_id
        out = [
            f"# Karabiner-Elements conformance: the cases of tests/src/post_event_to_virtual_devices/json/tests.json",
            f"# that load {rule_file}" + (" and turn reorder_same_timestamp_input_events_to_prioritize_modifiers on" if reorder else "")
            + f", read at pqrs-org/Karabiner-Elements@{commit}.",
            f"# Generated by restate.py (do not edit by hand: change restate.py and run it again).",
            f"keymap rules/{name}.json",
            "",
        ]
        for device in sorted(devices):
            out.append(f"device {device} bus=usb vendor=0x05ac product=0x{0x100 + int(devices[device]):04x}")
        if devices:
            out.append("")
        names = [c["description"] for c, _ in group]
        for case, (case_stem, inputs, expected, _, reasons, appended) in group:
            title = case["description"]
            if names.count(title) > 1 or case_stem not in title:
                title = f"{case_stem}: {title}" if case_stem not in title else title
            out.append(f"# Karabiner case \"{case['description']}\": {os.path.basename(case['input_event_queue'])} → "
                       f"{os.path.basename(case['expected_post_event_to_virtual_devices_queue'])}")
            if appended == "held":
                out.append("# The case ends with keys held: their releases are appended, and the expected output of those is")
                out.append("# the release of what Karabiner's last report still holds (a key-up makes Karabiner release what that key sent).")
            elif appended == "lazy":
                out.append("# Every key is up, yet Karabiner's last report still holds some: Karabiner sends those releases lazily,")
                out.append("# with the next event. A .keytest requires everything released by the end, so they are appended.")
            out.append(f"test {title}")
            for note in dict.fromkeys(reasons):
                out.append(f"    # restated without: {note}")
            if case_stem in KNOWN_DIFFERENCES:
                out.append(f"    known-difference: {KNOWN_DIFFERENCES[case_stem]}")
            out.extend(inputs)
            out.append("expect" if expected else "expect nothing")
            out.extend(expected)
            out.append("")
            total += 1
        with open(os.path.join(HERE, name + ".keytest"), "w", encoding="utf-8") as f:
            f.write("\n".join(out).rstrip("\n") + "\n")

    with open(os.path.join(HERE, "NOT_RESTATED.md"), "w", encoding="utf-8") as f:
        f.write(f"# Karabiner cases not restated\n\nRead at pqrs-org/Karabiner-Elements@{commit}. These cases of "
                f"tests.json cannot be written as a .keytest (they are not about keyboard keys, use a key no "
                f"Linux keyboard sends, or are about an input a .keytest cannot write). {total} of {len(cases)} cases are restated.\n\n| case | why |\n|---|---|\n")
        for description, why in skipped:
            f.write(f"| {description} | {why} |\n")
    write_known_differences_table()
    print(f"{total} cases restated, {len(skipped)} not restated")


def write_known_differences_table():
    """The known-differences table of docs/compatibility.md, from the markers just written."""
    rows = []
    for path in sorted(f for f in os.listdir(HERE) if f.endswith(".keytest")):
        test = None
        for line in open(os.path.join(HERE, path), encoding="utf-8"):
            if line.startswith("test "):
                test = line[5:].strip()
            stripped = line.strip()
            if stripped.startswith("known-difference:"):
                rows.append(f"| `{path}` › {test} | {stripped[len('known-difference:'):].strip()} |")
    doc = os.path.join(HERE, "..", "..", "..", "docs", "compatibility.md")
    if not os.path.exists(doc):
        return
    text = open(doc, encoding="utf-8").read()
    begin = text.index("<!-- known-differences:begin")
    begin = text.index("\n", begin) + 1
    end = text.index("<!-- known-differences:end -->")
    table = "| Case | Reason |\n|---|---|\n" + "\n".join(rows) + "\n"
    with open(doc, "w", encoding="utf-8") as out:
        out.write(text[:begin] + table + text[end:])


if __name__ == "__main__":
    main()
