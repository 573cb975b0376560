#!/usr/bin/env bash
# Runs every test project, one after the other (the end-to-end suite boots a VM and wants the CPU to
# itself), and ends with one line adding them all up: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

projects=(
  tests/Remapper.Core.Tests
  tests/Remapper.Linux.Tests
  tests/Remapper.MacOS.Tests
  tests/Remapper.Daemon.Tests
  tests/Remapper.Fuzz.Tests
  tests/Remapper.Tray.Tests
  tests/Remapper.E2E
)

passed=0 failed=0 skipped=0 status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build Remapper.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

for project in "${projects[@]}"; do
  [ -d "$project" ] || continue
  echo "== $project"
  dotnet test "$project" -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  # dotnet test's own summary: "Passed!  - Failed: 0, Passed: 57, Skipped: 0, Total: 57, ..."
  line=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "!! $project reported no test summary (exit $rc)"
    failed=$((failed + 1))
    status=1
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  [ "$rc" -eq 0 ] || status=1
done

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
