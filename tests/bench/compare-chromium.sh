#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Vitae's whole `vitae render` process beside the pipeline JSON Resume users
# know, in one run, on the same sample resume:
#   vitae:    vitae render sample.resume.json -o OUT.pdf
#   chromium: the jsonresume-theme-even npm theme renders HTML (node), and
#             Debian's chromium prints it: chromium --headless --print-to-pdf
# Prints the median wall time of each over RUNS runs (after one warm-up run
# each) and the ratio. Figures only: nothing here fails on a slow machine.
#
#   tests/bench/compare-chromium.sh [BUILD_DIR] [RUNS]
#
# Needs Debian's chromium and node/npm (apt-get install -y chromium npm). The
# theme is installed with npm into tests/bench/jsonresume-theme/node_modules
# the first time, when that folder is missing; later runs use it offline.
# Not part of `meson test` or CI.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$top/_build}
runs=${2:-10}
sample=$top/tests/data/jsonresume/sample.resume.json
theme_dir=$top/tests/bench/jsonresume-theme
vitae=$build/src/vitae

[ -x "$vitae" ] || { echo "no $vitae: build first (meson setup $build && ninja -C $build)" >&2; exit 2; }
chromium=$(command -v chromium || true)
[ -n "$chromium" ] || { echo "needs Debian's chromium: apt-get install -y chromium" >&2; exit 77; }
command -v node >/dev/null && command -v npm >/dev/null ||
  { echo "needs node and npm: apt-get install -y npm" >&2; exit 77; }

if [ ! -d "$theme_dir/node_modules/jsonresume-theme-even" ]; then
  echo "Installing jsonresume-theme-even into $theme_dir/node_modules (once)" >&2
  (cd "$theme_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >&2)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Milliseconds a command takes, wall clock, without forking a timer.
elapsed_ms() {
  local start=$EPOCHREALTIME end
  "$@" >/dev/null 2>&1
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

vitae_render() {
  "$vitae" render "$sample" -o "$work/vitae.pdf"
}

theme_html() {
  node "$theme_dir/render.mjs" "$sample" > "$work/resume.html"
}

chromium_pdf() {
  "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/chromium-profile" \
    --print-to-pdf="$work/chromium.pdf" "file://$work/resume.html"
}

chromium_pipeline() {
  theme_html && chromium_pdf
}

pages() {
  pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'
}

# Warm-up: page cache, fontconfig cache, chromium's profile folder.
vitae_render >/dev/null 2>&1
chromium_pipeline >/dev/null 2>&1
[ -s "$work/vitae.pdf" ] && [ -s "$work/chromium.pdf" ] || { echo "a warm-up run wrote no PDF" >&2; exit 1; }

vitae_ms=() html_ms=() print_ms=() total_ms=()
for ((i = 0; i < runs; i++)); do
  vitae_ms+=("$(elapsed_ms vitae_render)")
  h=$(elapsed_ms theme_html)
  p=$(elapsed_ms chromium_pdf)
  html_ms+=("$h")
  print_ms+=("$p")
  total_ms+=("$(awk -v a="$h" -v b="$p" 'BEGIN { printf "%.1f\n", a + b }')")
done

vitae_median=$(printf '%s\n' "${vitae_ms[@]}" | median)
html_median=$(printf '%s\n' "${html_ms[@]}" | median)
print_median=$(printf '%s\n' "${print_ms[@]}" | median)
total_median=$(printf '%s\n' "${total_ms[@]}" | median)
theme_version=$(node -p "require('$theme_dir/node_modules/jsonresume-theme-even/package.json').version")

echo "Median wall time of $runs runs each, after one warm-up run; $(nproc) CPUs."
printf '  vitae render               %8.1f ms   %s page(s)   %s render %s -o x.pdf\n' \
  "$vitae_median" "$(pages "$work/vitae.pdf")" "${vitae#$top/}" "${sample#$top/}"
printf '  theme → HTML (node)        %8.1f ms              node render.mjs (jsonresume-theme-even %s)\n' \
  "$html_median" "$theme_version"
printf '  chromium → PDF             %8.1f ms   %s page(s)   %s\n' \
  "$print_median" "$(pages "$work/chromium.pdf")" "$("$chromium" --version 2>/dev/null | head -n 1)"
printf '  theme + chromium           %8.1f ms   (median of the per-run sums)\n' "$total_median"
awk -v c="$total_median" -v v="$vitae_median" 'BEGIN { printf "  ratio                      %8.1f×  (theme + chromium) / vitae render\n", c / v }'
