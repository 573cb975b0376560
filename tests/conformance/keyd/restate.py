#!/usr/bin/env python3
"""Restate keyd's engine test suite (t/*.t against t/test.conf) as .keytest files.

Usage: restate.py KEYD_CHECKOUT COMMIT

  e.g.  git clone https://github.com/rvaiya/keyd /tmp/keyd
        python3 tests/conformance/keyd/restate.py /tmp/keyd "$(git -C /tmp/keyd rev-parse HEAD)"

Writes, beside this script:

  test.conf       keyd's t/test.conf restated (its bindings unchanged, its comments ours). A .keytest's
                  `keymap test.conf` imports it on the fly, exactly as `remapper import keyd test.conf` would.
  NAME.keytest    one test per keyd case t/NAME.t: the input lines (`KEY down|up`, `Nms`) and keyd's expected
                  output, with keyd's key names written as Remapper's (control is left_control, meta
                  left_command, alt left_option, rightalt right_option...). keyd asserts no times; neither do we.

This restates facts (inputs, expected outputs); it copies no code. A case Remapper does not pass yet carries
`known-difference:` with the reason given in KNOWN_DIFFERENCES below (docs/compatibility.md lists them).
"""
import os
import sys

NAMES = {
    "control": "left_control", "leftcontrol": "left_control", "rightcontrol": "right_control",
    "shift": "left_shift", "leftshift": "left_shift", "rightshift": "right_shift",
    "alt": "left_option", "leftalt": "left_option", "rightalt": "right_option", "altgr": "right_option",
    "meta": "left_command", "leftmeta": "left_command", "rightmeta": "right_command",
    "esc": "escape", "capslock": "caps_lock", "enter": "return_or_enter", "space": "spacebar",
    "backspace": "delete_or_backspace", "delete": "delete_forward",
    "up": "up_arrow", "down": "down_arrow", "left": "left_arrow", "right": "right_arrow",
    "-": "hyphen", "=": "equal_sign", "[": "open_bracket", "]": "close_bracket", ";": "semicolon",
    "'": "quote", "`": "grave_accent_and_tilde", "\\": "backslash", ",": "comma", ".": "period", "/": "slash",
}

# Why a case differs: the keyd feature it exercises that Remapper does not have (yet).
ONESHOT_MOD = "one-shot modifiers (oneshot(control), oneshot(shift)) are not supported yet"
MOD_LAYER = "layers that hold modifiers ([name:C]) are not supported yet: the layer's modifier is never pressed"
OVERLOADT = ("keyd's overloadt() bound to a layer is that layer once held past its timeout, even with another "
             "overloadt() key pressed meanwhile; the hold_on_timeout tap-hold the import makes of it taps at that press")
OVERLOAD_ONESHOT_TAP = ("an overload() whose tap is oneshot(control): keyd presses control before it lets the layer's meta "
                        "go, then lifts it until the next key; Remapper lets meta go first and keeps control down")
TIMEOUT = "timeout() is not supported yet"
SWAPM = ("swapm() is imported as a sequence (swap, then the macro): the swapped-in layer's modifiers reach the "
         "output only after the macro, and keyd does not lift a layer's modifier for a chord that has it")
REPEAT = "repeat() is not supported yet"
MACROM = "layerm()/oneshotm()/oneshotk() (a layer held or one-shot, plus a macro or key) are not supported yet"
COMPOSITE = "composite layers ([a+b]) are not supported yet"
LAYOUT = "layout layers ([name:layout], setlayout()) are not supported yet"
UNICODE = "unicode output (keyd's XCompose sequences) is not supported yet"
CHORD_HOLD = "chord_hold_timeout (a combo's keys pass through until held this long) is not supported yet"
MAIN_CHORD = ("[main]'s a+b chord fires here while a layer is held; keyd does not match a [main] chord while another "
              "layer is active, and Remapper cannot limit a combo to some layers yet")
CHORD_ORDER = "keyd releases a chord's keys in the order it pressed them (C-x: control up after x up); Remapper releases in reverse"
TOGGLED_MOD = "a toggled layer that holds a modifier: keyd does not press it again around the keys the layer binds, Remapper does"
KNOWN_DIFFERENCES = {
    "chord": CHORD_HOLD, "chord-disambiguate": CHORD_HOLD, "chord-double": CHORD_HOLD, "chord-hold": CHORD_HOLD,
    "chord3": CHORD_HOLD,
    "composite": COMPOSITE, "composite2": COMPOSITE,
    "double-tap": TIMEOUT, "timeout-nested-1": TIMEOUT, "timeout-nested-2": TIMEOUT, "timeout-overloadt": TIMEOUT,
    "timeout1": TIMEOUT, "timeout2": TIMEOUT, "timeout3": TIMEOUT,
    "layerm": MACROM, "oneshotk": MACROM, "oneshotm": MACROM,
    "layout-mods": MAIN_CHORD, "layout-mods2": MAIN_CHORD, "mod": MAIN_CHORD, "mod3": MAIN_CHORD,
    "layout": CHORD_ORDER, "layout-seq": CHORD_ORDER, "macro-hold": CHORD_ORDER, "macro-hold-1": CHORD_ORDER,
    "macro-unicode": UNICODE, "macro-unicode-2": UNICODE,
    "overload5": OVERLOAD_ONESHOT_TAP,
    "overload_2-2": OVERLOADT,
    "swap5": SWAPM, "swap9": SWAPM,
    "repeat": REPEAT, "repeat2": REPEAT,
    "toggle-2": TOGGLED_MOD,
}


def key(name):
    return NAMES.get(name, name)


def restate(case_path, name, commit):
    out = []
    out.append(f"# keyd conformance: t/{name}.t, read at rvaiya/keyd@{commit}.")
    out.append("# Generated by restate.py (do not edit by hand: change restate.py and run it again).")
    out.append("keymap test.conf")
    out.append("")
    out.append(f"test {name}")
    if name in KNOWN_DIFFERENCES:
        out.append(f"    known-difference: {KNOWN_DIFFERENCES[name]}")
    with open(case_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    section = "input"
    expected = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip() if not raw.strip().startswith("#") else ""
        if raw.strip().startswith("#"):
            continue
        if line == "":
            if section == "input" and any(l.strip() for l in out[5:]):
                section = "output"
            continue
        parts = line.split()
        if len(parts) == 1 and parts[0].endswith("ms"):
            if section == "input":
                out.append(f"    {parts[0]}")
            continue
        if len(parts) != 2 or parts[1] not in ("down", "up"):
            raise SystemExit(f"{case_path}: cannot restate line {raw!r}")
        text = f"    {key(parts[0])} {parts[1]}"
        (out if section == "input" else expected).append(text)
    if expected:
        out.append("expect")
        out.extend(expected)
    else:
        out.append("expect nothing")
    return "\n".join(out) + "\n"


def restate_conf(conf_path, commit):
    out = [
        f"# keyd's t/test.conf, read at rvaiya/keyd@{commit}: the one config all of keyd's t/*.t cases run",
        "# against. Restated by restate.py: the sections and bindings are keyd's, unchanged (the cases mean",
        "# nothing otherwise); keyd's own comments are left out. Every .keytest here imports this file.",
        "",
    ]
    with open(conf_path, encoding="utf-8") as f:
        for raw in f.read().split("\n"):
            stripped = raw.strip()
            if stripped.startswith("#"):
                continue
            out.append(stripped)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    checkout, commit = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    tdir = os.path.join(checkout, "t")
    with open(os.path.join(here, "test.conf"), "w", encoding="utf-8") as f:
        f.write(restate_conf(os.path.join(tdir, "test.conf"), commit))
    cases = sorted(n[:-2] for n in os.listdir(tdir) if n.endswith(".t"))
    for name in cases:
        with open(os.path.join(here, f"{name}.keytest"), "w", encoding="utf-8") as f:
            f.write(restate(os.path.join(tdir, f"{name}.t"), name, commit))
    print(f"restated {len(cases)} cases")


if __name__ == "__main__":
    main()
