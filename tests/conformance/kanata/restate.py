#!/usr/bin/env python3
"""Restates kanata's simulator tests (jtroo/kanata src/tests/sim_tests/*.rs) as .keytest files.

For each test function, each `simulate(cfg, input)` with its `assert_eq!(expected, result)` becomes a test in
FILE/FUNCTION.keytest; the config goes beside it as FUNCTION.kbd, which the .keytest names with `keymap`, so it
runs through `remapper import kanata`. Expected output is kanata's, with kanata's key names changed to ours and
its times dropped (kanata's times are the input's plus 1-7 ms of simulator ticks; the input and output strings
are kept in comments). Keys still held at the end are released (`# appended`), and each output key still down
goes up, last pressed first: the appended output rests on "a key's output ends with its release".

Usage: restate.py KANATA_GIT_DIR  (reads the commit below; writes next to this script)
Cases that cannot be restated (repeat and virtual-key input, outputs other than key changes, errors expected)
are listed in NOT_RESTATED.md. Known differences are in KNOWN below: each one gets a `known-difference:` line.
"""
import os, re, subprocess, sys

COMMIT = "565d5070e9e61992af5b4e844d512a9ce2f2d8c1"
FILES = ["tap_hold_tests", "layer_sim_tests", "tap_dance_tests", "oneshot_tests", "chord_sim_tests",
         "release_sim_tests", "macro_sim_tests", "capsword_sim_tests", "unicode_sim_tests", "output_chord_tests",
         "seq_sim_tests"]
HERE = os.path.dirname(os.path.abspath(__file__))

IN_KEYS = {"lmet": "left_command", "rmet": "right_command", "min": "hyphen", ";": "semicolon", "'": "quote",
           ",": "comma", ".": "period", "/": "slash", "\\": "backslash", "[": "open_bracket", "]": "close_bracket",
           "`": "grave_accent_and_tilde", "=": "equal_sign", "-": "hyphen", "grv": "grave_accent_and_tilde",
           "bksl": "backslash", "apo": "quote", "comp": "application", "prnt": "print_screen"}
OUT_KEYS = {"LCtrl": "left_control", "RCtrl": "right_control", "LShift": "left_shift", "RShift": "right_shift",
            "LAlt": "left_option", "RAlt": "right_option", "LGui": "left_command", "RGui": "right_command",
            "Space": "spacebar", "Enter": "return_or_enter", "BSpace": "delete_or_backspace", "Escape": "escape",
            "Tab": "tab", "Minus": "hyphen", "Equal": "equal_sign", "LBracket": "open_bracket",
            "RBracket": "close_bracket", "Bslash": "backslash", "SColon": "semicolon", "Quote": "quote",
            "Grave": "grave_accent_and_tilde", "Comma": "comma", "Dot": "period", "Slash": "slash",
            "CapsLock": "caps_lock", "Left": "left_arrow", "Right": "right_arrow", "Up": "up_arrow",
            "Down": "down_arrow", "Home": "home", "End": "end", "PgUp": "page_up", "PgDown": "page_down",
            "Delete": "delete_forward", "Insert": "insert", "Menu": "application"}

# test name -> reason (the engine or the importer does not give kanata's result yet)
KNOWN = {}
KNOWN_FILE = os.path.join(HERE, "known.txt")
if os.path.exists(KNOWN_FILE):
    for line in open(KNOWN_FILE, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#") and "\t" in line:
            name, reason = line.split("\t", 1)
            KNOWN[name] = reason


def rust_string(s, i):
    """The Rust string literal starting at s[i] (\" or r#\"); returns (value, end index)."""
    raw = re.match(r'r(#*)"', s[i:i + 12])
    if raw:
        close = '"' + raw.group(1)
        start = i + raw.end()
        end = s.index(close, start)
        return s[start:end], end + len(close)
    assert s[i] == '"'
    out, j = [], i + 1
    while s[j] != '"':
        if s[j] == '\\':
            n = s[j + 1]
            if n == '\n':
                j += 2
                while s[j] in ' \t\n': j += 1
                continue
            out.append({'n': '\n', 't': '\t', '\\': '\\', '"': '"', "'": "'", '0': '\0'}.get(n, n)); j += 2
            continue
        out.append(s[j]); j += 1
    return ''.join(out), j + 1


def skip_ws(s, i):
    while s[i] in ' \t\n\r': i += 1
    return i


def arg(s, i, env):
    """A string argument: a literal, a variable, or a `name()` helper; returns (value or None, end)."""
    i = skip_ws(s, i)
    if re.match(r'r?#*"', s[i:i + 12]):
        return rust_string(s, i)
    m = re.match(r'&?([A-Za-z_][A-Za-z0-9_]*)(\(\))?', s[i:])
    if not m: return None, i
    return env.get(m.group(1)), i + m.end()


def commented_out(text):
    """The spans of /* ... */ block comments: a test kanata has put in one is disabled, not part of its suite."""
    return [(m.start(), m.end()) for m in re.finditer(r'/\*.*?\*/', text, re.S)]


def disabled_tests(text):
    spans = commented_out(text)
    for m in re.finditer(r'#\[test\]\s*(?:#\[[^\]]*\]\s*)*fn\s+([a-z0-9_]+)\s*\(\)', text):
        if any(a <= m.start() < b for a, b in spans): yield m.group(1)


def functions(text):
    spans = commented_out(text)
    for m in re.finditer(r'#\[test\]\s*(?:#\[[^\]]*\]\s*)*fn\s+([a-z0-9_]+)\s*\(\)\s*\{', text):
        if any(a <= m.start() < b for a, b in spans): continue
        depth, j = 1, m.end()
        while depth:
            c = text[j]
            if c == '"':
                _, j = rust_string(text, j); continue
            if c == '/' and text[j + 1] == '/':
                j = text.index('\n', j); continue
            depth += {'{': 1, '}': -1}.get(c, 0); j += 1
        yield m.group(1), text[m.end():j - 1]


def helpers(text):
    env = {}
    for m in re.finditer(r'fn\s+([a-z0-9_]+)\s*\(\)\s*->\s*&\'static str\s*\{\s*', text):
        if re.match(r'r?#*"', text[m.end():]): env[m.group(1)], _ = rust_string(text, m.end())
    for m in re.finditer(r'(?:const|static)\s+([A-Z0-9_]+)\s*:\s*&str\s*=\s*', text):
        if re.match(r'r?#*"', text[m.end():]): env[m.group(1)], _ = rust_string(text, m.end())
    return env


def sims(body, env):
    env = dict(env)
    i = 0
    pending = None
    out = []
    while i < len(body):
        m = re.compile(r'(?:let\s+(?:mut\s+)?|const\s+)([A-Za-z0-9_]+)\s*(?::\s*&str\s*)?=\s*(?=r?#*")|simulate\s*\(|assert_eq!\s*\(|//[^\n]*').search(body, i)
        if not m: break
        tok = m.group(0)
        if tok.startswith('//'):
            i = m.end(); continue
        if tok.startswith('let') or tok.startswith('const'):
            v, i = rust_string(body, m.end())
            env[m.group(1)] = v
            continue
        if tok.startswith('simulate'):
            cfg, j = arg(body, m.end(), env)
            j = skip_ws(body, j)
            if body[j] != ',': i = j; continue
            sim, j = arg(body, j + 1, env)
            close = body.index(')', j)
            tail = re.match(r'\s*\)((?:\s*\.\s*[a-z_]+\(\))*)', body[j:])
            transforms = re.findall(r'[a-z_]+', tail.group(1)) if tail else []
            pending = (cfg, sim, transforms)
            i = close + 1
            continue
        # assert_eq!
        j = skip_ws(body, m.end())
        if re.match(r'r?#*"', body[j:j + 12]):
            exp, j = rust_string(body, j)
        else:
            j2 = body.index(',', j); j2 = skip_ws(body, j2 + 1)
            if body[j2] == '"':
                exp, j = rust_string(body, j2)
            else:
                exp = None
        if pending and exp is not None:
            out.append((*pending, exp))
        pending = None
        i = j
    return out


def convert_input(sim):
    lines, held = [], []
    for tok in sim.split():
        kind, _, val = tok.partition(':')
        if kind == 't':
            lines.append(f"{int(val)}ms")
        elif kind in ('d', 'u'):
            key = IN_KEYS.get(val, val)
            if re.fullmatch(r'Key[A-Z]', val): key = val[3].lower()  # browser event.code names, which kanata accepts
            if re.fullmatch(r'Digit[0-9]', val): key = val[5]
            lines.append(f"{key} {'down' if kind == 'd' else 'up'}")
            if kind == 'd' and key not in held: held.append(key)
            if kind == 'u' and key in held: held.remove(key)
        else:
            return None, None, f"input '{tok}' (repeat, virtual keys or layer commands have no .keytest input)"
    return lines, held, None


def convert_output(exp, transforms):
    if 'no_releases' in transforms:
        return None, None, "kanata's expectation leaves out the releases (no_releases)"
    out, down = [], []
    for tok in exp.replace('\n', ' ').split():
        if tok.startswith('t:'): continue
        m = re.match(r'(dn|up|out:↓|out:↑):(.+)$', tok) or re.match(r'(out:↓|out:↑)(.+)$', tok)
        if not m:
            return None, None, f"output '{tok}' is not a key change"
        name = m.group(2)
        if re.fullmatch(r'[A-Z]', name): key = name.lower()
        elif re.fullmatch(r'Kb[0-9]', name): key = name[2]
        elif re.fullmatch(r'F[0-9]+', name): key = name.lower()
        elif name in OUT_KEYS: key = OUT_KEYS[name]
        else: return None, None, f"output key '{name}' has no name here"
        isdown = m.group(1) in ('dn', 'out:↓')
        out.append(f"{key} {'down' if isdown else 'up'}")
        if isdown: down.append(key)
        elif key in down: down.remove(key)
    return out, down, None


def main():
    git = sys.argv[1]
    skipped = []
    for f in FILES:
        text = subprocess.run(["git", "--git-dir", git, "show", f"{COMMIT}:src/tests/sim_tests/{f}.rs"],
                              capture_output=True, text=True, check=True).stdout
        env = helpers(text)
        folder = os.path.join(HERE, f.replace("_tests", "").replace("_sim", ""))
        os.makedirs(folder, exist_ok=True)
        for name in disabled_tests(text):
            skipped.append((f, name, "commented out in kanata's source: a test kanata has disabled, not part of its suite"))
        for name, body in functions(text):
            cases = sims(body, env)
            if not cases:
                skipped.append((f, name, "no simulate() with an expected output (a parse-error or helper test)"))
                continue
            configs = []
            tests = {}
            for n, (cfg, sim, transforms, exp) in enumerate(cases, 1):
                label = name if len(cases) == 1 else f"{name}_{n}"
                if cfg is None or sim is None:
                    skipped.append((f, label, "the config or input is built at run time")); continue
                inp, held, why = convert_input(sim)
                if why is None:
                    outp, down, why = convert_output(exp, transforms)
                if why is not None:
                    skipped.append((f, label, why)); continue
                if cfg not in configs: configs.append(cfg)
                tests.setdefault(configs.index(cfg), []).append((label, sim, exp, inp, held, outp, down))
            for ci, group in tests.items():
                base = name if ci == 0 else f"{name}_cfg{ci + 1}"
                with open(os.path.join(folder, base + ".kbd"), "w", encoding="utf-8") as k:
                    k.write(f";; kanata {f}.rs {name} (jtroo/kanata@{COMMIT}), restated by restate.py\n")
                    k.write(configs[ci].strip("\n") + "\n")
                with open(os.path.join(folder, base + ".keytest"), "w", encoding="utf-8") as t:
                    t.write(f"# kanata conformance: src/tests/sim_tests/{f}.rs, fn {name}, read at jtroo/kanata@{COMMIT}.\n")
                    t.write("# Generated by restate.py (do not edit by hand: change restate.py or known.txt and run it again).\n")
                    t.write(f"keymap {base}.kbd\n")
                    for label, sim, exp, inp, held, outp, down in group:
                        t.write("\n")
                        t.write(f"# kanata input:  {' '.join(sim.split())}\n")
                        t.write(f"# kanata output: {' '.join(exp.split())}\n")
                        t.write(f"test {label}\n")
                        if label in KNOWN: t.write(f"    known-difference: {KNOWN[label]}\n")
                        for line in inp: t.write(f"    {line}\n")
                        for key in reversed(held): t.write(f"    {key} up    # appended\n")
                        if not outp and not down:
                            t.write("expect nothing\n"); continue
                        t.write("expect\n")
                        for line in outp: t.write(f"    {line}\n")
                        for key in reversed(down): t.write(f"    {key} up    # appended\n")
    for f in FILES:
        folder = os.path.join(HERE, f.replace("_tests", "").replace("_sim", ""))
        if os.path.isdir(folder) and not os.listdir(folder): os.rmdir(folder)
    with open(os.path.join(HERE, "NOT_RESTATED.md"), "w", encoding="utf-8") as n:
        n.write("# kanata simulator cases not restated\n\n")
        n.write(f"Read at jtroo/kanata@{COMMIT}; written by restate.py. Each has no .keytest form yet, for the reason given.\n\n")
        n.write("| File | Case | Why |\n|---|---|---|\n")
        for f, label, why in skipped: n.write(f"| {f}.rs | {label} | {why.replace('|', '/')} |\n")
    print(f"skipped {len(skipped)}")


main()
