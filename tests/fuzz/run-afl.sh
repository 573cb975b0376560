#!/usr/bin/env bash
# Coverage-guided fuzzing with afl-fuzz (Debian package afl++) through SharpFuzz, which instruments our assemblies
# so afl-fuzz sees which branches each input reaches.
#
#   tests/fuzz/run-afl.sh TARGET [SECONDS]     TARGET: keymap, keytest, ipc or all; SECONDS per target (default 3600)
#
# Every crash afl-fuzz finds is copied to tests/fuzz/regressions/TARGET/ (the test suite replays that folder);
# the exit code is 1 when there were any, 2 when afl-fuzz is missing. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

which=${1:?usage: tests/fuzz/run-afl.sh keymap|keytest|ipc|all [SECONDS]}
seconds=${2:-3600}
case "$which" in
  all) targets=(keymap keytest ipc) ;;
  keymap|keytest|ipc) targets=("$which") ;;
  *) echo "unknown target '$which'; targets are keymap, keytest, ipc and all" >&2; exit 2 ;;
esac
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found; install it with: apt-get install afl++" >&2; exit 2; }

work=tests/fuzz/.afl
bin=$work/bin
rm -rf "$work"
mkdir -p "$work"

dotnet tool restore >/dev/null
dotnet publish tests/Remapper.Fuzz -c Release -o "$bin" -nologo -v quiet
# Instrument what parses the inputs: our code and the TOML parser. System.* is the shared framework, which
# SharpFuzz cannot instrument; the IPC target is the daemon's own request parser in Remapper.Ipc.dll.
for dll in Remapper.Core.dll Tomlyn.dll Remapper.Ipc.dll; do dotnet sharpfuzz "$bin/$dll" >/dev/null; done

# The runner is `dotnet`, not an afl-instrumented binary: SharpFuzz talks to afl-fuzz's fork server itself.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_QUIET=1
crashes=0
for target in "${targets[@]}"; do
  dotnet "$bin/remapper-fuzz.dll" seeds "$target" "$work/$target/in" >/dev/null
  afl-fuzz -V "$seconds" -i "$work/$target/in" -o "$work/$target/out" -t 10000 -m none \
    -- dotnet "$bin/remapper-fuzz.dll" afl "$target" >"$work/$target/afl.log" 2>&1 \
    || { echo "afl-fuzz $target did not run; its log:" >&2; tail -n 20 "$work/$target/afl.log" >&2; exit 2; }
  found=0
  for crash in "$work/$target"/out/default/crashes/id:*; do
    [ -f "$crash" ] || continue
    name=afl-$(sha256sum "$crash" | cut -c1-16)
    cp "$crash" "tests/fuzz/regressions/$target/$name"
    echo "crash kept as tests/fuzz/regressions/$target/$name"
    found=$((found + 1))
  done
  stats=$work/$target/out/default/fuzzer_stats
  execs=$(sed -n 's/^execs_done *: *//p' "$stats")
  corpus=$(sed -n 's/^corpus_count *: *//p' "$stats")
  hangs=$(find "$work/$target/out/default/hangs" -name 'id:*' | wc -l)
  echo "afl-fuzz $target: $execs inputs in ${seconds} s, $corpus inputs in its corpus, $found crashes, $hangs hangs (over 10 s)"
  crashes=$((crashes + found))
done
[ "$crashes" -eq 0 ]
