#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with afl-fuzz (Debian package afl++) through SharpFuzz, which instruments
# our assemblies so afl-fuzz sees which branches each input reaches.
#
#   tests/fuzz/run-afl.sh TARGET [SECONDS]     TARGET: keymap, keytest or ipc; SECONDS: default 3600
#
# Every crash afl-fuzz finds is copied to tests/fuzz/regressions/TARGET/ (the test suite replays that folder);
# the exit code is 1 when there were any. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: tests/fuzz/run-afl.sh keymap|keytest|ipc [SECONDS]}
seconds=${2:-3600}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found; install it with: apt-get install afl++" >&2; exit 2; }

work=tests/fuzz/.afl/$target
bin=$work/bin
rm -rf "$work"
mkdir -p "$work/in"

dotnet tool restore >/dev/null
dotnet publish tests/Remapper.Fuzz -c Release -o "$bin" -nologo -v quiet
# Instrument what parses the input: our code and the TOML parser (System.* is the shared framework, not instrumentable).
case "$target" in
  keymap|keytest) assemblies=(Remapper.Core.dll Tomlyn.dll) ;;
  ipc) assemblies=(Remapper.Daemon.dll) ;;
  *) echo "unknown target '$target'" >&2; exit 2 ;;
esac
for dll in "${assemblies[@]}"; do dotnet sharpfuzz "$bin/$dll"; done

dotnet "$bin/remapper-fuzz.dll" seeds "$target" "$work/in"

# The runner is `dotnet`, not an afl-instrumented binary: SharpFuzz talks to afl-fuzz's fork server itself.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
afl-fuzz -V "$seconds" -i "$work/in" -o "$work/out" -t 10000 -m none -- dotnet "$bin/remapper-fuzz.dll" afl "$target" || true

crashes=0
for crash in "$work"/out/default/crashes/id:*; do
  [ -f "$crash" ] || continue
  name=afl-$(sha256sum "$crash" | cut -c1-16)
  cp "$crash" "tests/fuzz/regressions/$target/$name"
  echo "crash kept as tests/fuzz/regressions/$target/$name"
  crashes=$((crashes + 1))
done
hangs=$(find "$work/out/default/hangs" -name 'id:*' 2>/dev/null | wc -l)
execs=$(sed -n 's/^execs_done *: *//p' "$work/out/default/fuzzer_stats" 2>/dev/null || echo "?")
paths=$(sed -n 's/^corpus_count *: *//p' "$work/out/default/fuzzer_stats" 2>/dev/null || echo "?")
echo "afl-fuzz $target: $execs inputs run, $paths in the corpus, $crashes crashes, $hangs hangs (inputs over 10 s: see $work/out/default/hangs)"
[ "$crashes" -eq 0 ]
