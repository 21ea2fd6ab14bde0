#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the real app with a realistic resume, for the README, the
# AppStream metainfo and reviews: the library, the editor with an entry open,
# and the editor at its narrowest (360 px).
#   build-aux/screenshots.sh [BUILD_DIR] [OUT_DIR]
# Needs xvfb, xdotool, imagemagick and dbus (Debian packages).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$top/_build}
out=${2:-$top/docs/screenshots}
vitae="$build/src/vitae"
sample="$top/tests/data/jsonresume/sample.resume.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$work/config"
export GDK_BACKEND=x11 NO_AT_BRIDGE=1

"$vitae" --data-dir "$work/data" new "Product Designer" >/dev/null
"$vitae" --data-dir "$work/data" new "Data Scientist — Berlin" >/dev/null
sleep 1   # last edited first: the imported resume heads the list
"$vitae" --data-dir "$work/data" import "$sample" >/dev/null

# shot NAME WIDTH HEIGHT ACTIONS [ENV…]: runs Vitae in its own Xvfb at that
# size with the extra environment, performs the xdotool ACTIONS, and saves NAME.png.
shot() {
  local name=$1 width=$2 height=$3 actions=$4 display=:$((100 + RANDOM % 100))
  shift 4
  local extra_env="$*"
  gsettings set io.github.vitae.Vitae window-width "$width"
  gsettings set io.github.vitae.Vitae window-height "$height"
  Xvfb "$display" -screen 0 "${width}x${height}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 0.7
  DISPLAY=$display dbus-run-session -- bash -c "
    env $extra_env '$vitae' --data-dir '$work/data' & app=\$!
    sleep 3
    $actions
    sleep 1
    import -window root '$out/$name.png'
    kill \$app" >/dev/null 2>&1
  kill $xvfb
  echo "$out/$name.png"
}

shot library 1280 800 ":"
# Open the imported resume (the list is centred), scroll to Work, open its entry.
shot editor 1280 800 "xdotool mousemove 640 100 click 1; sleep 1.5;
  xdotool mousemove 300 700 click 5 click 5 click 5 click 5 click 5 click 5; sleep 0.5"
shot narrow 360 720 "xdotool mousemove 180 100 click 1; sleep 1.5"
# The same editor in the dark and the high-contrast styles (AdwStyleManager).
open_editor="xdotool mousemove 640 100 click 1; sleep 1.5"
shot editor-dark 1280 800 "$open_editor" ADW_DEBUG_COLOR_SCHEME=prefer-dark
shot editor-high-contrast 1280 800 "$open_editor" ADW_DEBUG_HIGH_CONTRAST=1
