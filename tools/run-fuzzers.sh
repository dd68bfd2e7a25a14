#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UBSan) and, for each target:
# replays every input in tests/regress/fuzz/<target>/ (crashers found before, now fixed), then
# fuzzes for SECONDS from the committed seeds in tests/fuzz/corpus/<target>/. New inputs go to
# the build directory, never into the repository. A crash fails the run and names the input.
# Usage: tools/run-fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
build_dir="${1:-build-fuzz}"
seconds="${2:-20}"
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"

CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSHUJIAN_FUZZ=ON -DSHUJIAN_TESTS=OFF -DSHUJIAN_WERROR=OFF >/dev/null
cmake --build "$build_dir" --target shujian_fuzz_targets -j "$(nproc)"

status=0
for target in "$build_dir"/fuzz/*_fuzz; do
  name="$(basename "$target")"
  seeds="tests/fuzz/corpus/$name"
  regressions="tests/regress/fuzz/$name"
  work="$build_dir/fuzz-corpus/$name"
  artifacts="$build_dir/fuzz-artifacts"
  mkdir -p "$work" "$artifacts"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions" 2>/dev/null)" ]; then
    if ! "$target" -runs=0 "$regressions"/* >"$build_dir/$name.replay.log" 2>&1; then
      echo "FAIL $name: a regression input crashes again; see $build_dir/$name.replay.log" >&2
      status=1
      continue
    fi
  fi
  echo "fuzzing $name for ${seconds}s" >&2
  if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
      -artifact_prefix="$artifacts/$name-" "$work" $( [ -d "$seeds" ] && echo "$seeds" ) \
      >"$build_dir/$name.log" 2>&1; then
    echo "FAIL $name: crash or leak; the input is in $artifacts/ and the report in $build_dir/$name.log" >&2
    tail -n 40 "$build_dir/$name.log" >&2
    status=1
  fi
done
exit $status
