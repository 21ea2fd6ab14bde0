#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the JSON Resume importer's libFuzzer target with clang against the
# core sources (no meson needed) and runs it for DURATION_SECONDS.
#
#   tests/fuzz/run-fuzz.sh 600            # ten minutes
#   FUZZ_BUILD_DIR=/tmp/f tests/fuzz/run-fuzz.sh 60
#
# Needs clang and libclang-rt-14-dev (Debian 12). Findings (crash-*, leak-*,
# timeout-*) land in $FUZZ_BUILD_DIR/artifacts; the exit status is libFuzzer's.
set -eu

duration=${1:?usage: run-fuzz.sh DURATION_SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD_DIR:-$top/_build-fuzz}
jobs=${FUZZ_JOBS:-1}

mkdir -p "$build/corpus" "$build/artifacts"
build=$(cd "$build" && pwd)

cat > "$build/config.h" <<CONFIG
#define GETTEXT_PACKAGE "vitae"
#define PACKAGE_VERSION "fuzz"
#define LOCALEDIR "/usr/share/locale"
CONFIG

# shellcheck disable=SC2046
clang -g -O1 -std=gnu11 \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$build" -I"$top/src/core" $(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0) \
  "$here/fuzz-json-resume.c" \
  "$top/src/core/vitae-json-resume.c" \
  "$top/src/core/vitae-resume.c" \
  "$top/src/core/vitae-entry.c" \
  "$top/src/core/vitae-section.c" \
  $(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0) \
  -o "$build/fuzz-json-resume"

# With -jobs, libFuzzer writes fuzz-N.log files in the current directory.
cd "$build"
if [ "$jobs" -gt 1 ]; then
  set -- -jobs="$jobs" -workers="$jobs"
else
  set --
fi

# The seeds stay untouched; what the fuzzer learns goes to $build/corpus.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
"$build/fuzz-json-resume" \
  -max_total_time="$duration" \
  -dict="$here/json-resume.dict" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/" \
  "$@" \
  "$build/corpus" "$here/corpus" "$top/tests/data/jsonresume"
