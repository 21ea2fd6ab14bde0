#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with a translatable string is listed in po/POTFILES.in.
cd "$1" || exit 2
missing=0
for f in $(git ls-files 'src/*.c' 'data/ui/*.ui' 2>/dev/null || find src data/ui -name '*.c' -o -name '*.ui'); do
  if grep -qE '[^a-zA-Z_](N?_|C_|g_dngettext) ?\(|translatable="yes"' "$f"; then
    if ! grep -qx "$f" po/POTFILES.in; then
      echo "not ok - $f has translatable strings but is missing from po/POTFILES.in"
      missing=1
    fi
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$f" ] || { echo "not ok - po/POTFILES.in lists $f, which does not exist"; missing=1; }
done
[ $missing -eq 0 ] && echo "ok 1 - po/POTFILES.in is complete"
echo "1..1"
exit $missing
