#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every language in po/LINGUAS is complete against the current source and is
# what the built vitae prints: the .po compiles with format checks, has no
# fuzzy or untranslated message, holds every message of a template made afresh
# from po/POTFILES.in (as `ninja vitae-pot` makes it), and `vitae --help`
# speaks the language.
#
# Usage: check-translations.sh SOURCE_ROOT BUILD_PO_DIR
# Environment: VITAE_BINARY, the built vitae.
srcroot=$1
export VITAE_LOCALEDIR="$2"
export LC_ALL=C.UTF-8
summary_id="Vitae — a resume builder for GNOME"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
diag () { sed 's/^/# /'; }

cd "$srcroot" || { echo "Bail out! no source root $srcroot"; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

for tool in xgettext msgmerge msgfmt gettext; do
  command -v "$tool" >/dev/null || { echo "Bail out! $tool is missing (Debian package gettext)"; exit 2; }
done

# The template, with the arguments of meson's glib preset (i18n.gettext).
if xgettext --package-name=vitae -p "$tmp" -f po/POTFILES.in -D "$srcroot" -k_ -o vitae.pot \
     --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
     --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
     --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
     2>"$tmp/xgettext.log" && [ -s "$tmp/vitae.pot" ]; then
  ok "a fresh template from po/POTFILES.in"
else
  not_ok "a fresh template from po/POTFILES.in"
  diag <"$tmp/xgettext.log"
  echo "1..$n"
  exit 1
fi

langs=$(grep -v '^#' po/LINGUAS | tr -s ' \t' '\n\n' | grep -v '^$')
[ -n "$langs" ] || echo "# po/LINGUAS lists no language"

for lang in $langs; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    not_ok "$lang: po/LINGUAS lists it but $po does not exist"
    continue
  fi

  # 1. It compiles, printf directives and mnemonics intact, and is complete.
  if msgfmt -c --check-format --statistics -o "$tmp/$lang.mo" "$po" >"$tmp/$lang.stats" 2>&1 &&
     ! grep -qE 'untranslated|fuzzy' "$tmp/$lang.stats"; then
    ok "$lang: $po compiles and every message is translated ($(tail -n 1 "$tmp/$lang.stats"))"
  else
    not_ok "$lang: $po does not compile cleanly, or has fuzzy or untranslated messages"
    diag <"$tmp/$lang.stats"
  fi

  # 2. Nothing in the current source is missing from it.
  if msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.merged.po" "$po" "$tmp/vitae.pot" 2>"$tmp/$lang.merge.log" &&
     msgfmt --statistics -o /dev/null "$tmp/$lang.merged.po" >"$tmp/$lang.merged.stats" 2>&1 &&
     ! grep -qE 'untranslated|fuzzy' "$tmp/$lang.merged.stats"; then
    ok "$lang: $po translates every message of the current source"
  else
    not_ok "$lang: $po lacks messages of the current source; run ninja vitae-pot, msgmerge --update and translate them"
    diag <"$tmp/$lang.merge.log"
    diag <"$tmp/$lang.merged.stats"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.merged.po" 2>/dev/null | grep '^msgid "[^"]' | head -n 20 | diag
  fi

  # 3. The built vitae loads the catalogue: its --help summary is the translation.
  expected=$(LANGUAGE=$lang TEXTDOMAINDIR="$VITAE_LOCALEDIR" gettext -d vitae "$summary_id")
  first=$(LANGUAGE=$lang "$VITAE_BINARY" --help 2>&1 | head -n 1)
  if [ "$expected" != "$summary_id" ] && [ "$first" = "$expected" ]; then
    ok "$lang: vitae --help begins with “$first”"
  else
    not_ok "$lang: vitae --help begins with “$first”, expected the translation “$expected” from $VITAE_LOCALEDIR"
  fi
done

# The languages this project promises by name.
help_de=$(LANGUAGE=de "$VITAE_BINARY" --help 2>&1)
if echo "$help_de" | head -n 1 | grep -q 'Lebenslauf'; then
  ok "de: vitae --help speaks of a Lebenslauf"
else
  not_ok "de: vitae --help does not say Lebenslauf"
  echo "$help_de" | head -n 3 | diag
fi
help_fr=$(LANGUAGE=fr "$VITAE_BINARY" --help 2>&1)
if echo "$help_fr" | head -n 1 | grep -q ' CV '; then
  ok "fr: vitae --help is in French"
else
  not_ok "fr: vitae --help is not in French"
  echo "$help_fr" | head -n 3 | diag
fi

echo "1..$n"
exit $failed
