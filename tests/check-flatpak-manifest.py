#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest cannot be built here (no runtime can be downloaded),
so this checks what can be checked without one: it parses, it has the shape
of a least-privilege GNOME app, its modules carry checksums, the app is built
with meson last, and every dependency the meson files ask for is either in
the GNOME runtime or built by a module of the manifest. TAP output."""
import json
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
manifest_path = top / "flatpak" / "io.github.vitae.Vitae.json"

# pkg-config names the GNOME runtime (org.gnome.Platform, on the freedesktop
# SDK) provides. Anything else meson asks for needs a module here.
RUNTIME = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "gio-unix-2.0", "gmodule-2.0",
    "gtk4", "libadwaita-1", "json-glib-1.0", "sqlite3", "pango", "pangocairo", "pangoft2", "epoxy",
    "cairo", "cairo-pdf", "gdk-pixbuf-2.0", "libsecret-1", "libsoup-3.0",
    "libcurl", "fontconfig", "freetype2", "harfbuzz", "libxml-2.0", "zlib",
    "m",  # libm, part of the C library
}
# Which module of the manifest provides a pkg-config name.
MODULES = {
    "poppler-glib": "poppler",
}

checks = []


def check(ok, what):
    checks.append((bool(ok), what))


manifest = json.loads(manifest_path.read_text())
check(manifest.get("id") == "io.github.vitae.Vitae", "app id is io.github.vitae.Vitae")
check(manifest.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
check(manifest.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
check(str(manifest.get("runtime-version", "")).isdigit(), "runtime version is a stable GNOME release")
check(manifest.get("command") == "vitae", "command is vitae")

args = manifest.get("finish-args", [])
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri", "--share=network"):
    check(needed in args, f"finish-args has {needed}")
forbidden = [a for a in args if a.startswith("--filesystem=") or "org.freedesktop.secrets" in a
             or a in ("--socket=x11", "--device=all", "--share=all")]
check(not forbidden, f"no home, host or secret-service access in finish-args {forbidden}")

modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else m for m in modules]
check(names and names[-1] == "vitae", "the app is the last module")
check(modules and modules[-1].get("buildsystem") == "meson", "the app builds with meson")
check("poppler" in names and "poppler-data" in names, "poppler and poppler-data are modules")
for module in modules[:-1]:
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            check(re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")),
                  f"{module['name']}: {source.get('url')} has a sha256")

wanted = set()
for meson_file in top.rglob("meson.build"):
    if any(part.startswith(("_build", ".")) for part in meson_file.relative_to(top).parts):
        continue
    text = meson_file.read_text()
    for name in re.findall(r"dependency\(\s*'([^']+)'", text):
        wanted.add(name)
    # Libraries without a pkg-config file: cc.find_library('hyphen', …)
    for name in re.findall(r"find_library\(\s*'([^']+)'", text):
        wanted.add(name)
for name in sorted(wanted):
    provided = name in RUNTIME or MODULES.get(name) in names
    check(provided, f"meson dependency {name} is in the runtime or a module")

for number, (ok, what) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {number} - {what}")
print(f"1..{len(checks)}")
sys.exit(0 if all(ok for ok, _ in checks) else 1)
