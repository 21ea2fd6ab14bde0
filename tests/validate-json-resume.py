#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end check of `vitae import` and `vitae export` against JSON Resume.

For each vendored JSON Resume document: import it with the built `vitae`,
export it as JSON, validate the export against the vendored schema.json with
python3-jsonschema, and compare it with the original (meta.vitae aside).
Also checks that a refused import leaves the database untouched, that export
writes text and Markdown, and the usage exit code. Prints TAP.

Usage: validate-json-resume.py DATA_DIR   (VITAE_BINARY names the program)
"""

import json
import os
import subprocess
import sys
import tempfile

import jsonschema

VITAE = os.environ["VITAE_BINARY"]
DATA = sys.argv[1]
results = []


def check(name, ok, detail=""):
    results.append((name, ok, detail))


def vitae(data_dir, *args):
    return subprocess.run([VITAE, "--data-dir", data_dir, *args],
                          capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))


def strip_vitae(exported, original):
    meta = exported.get("meta", {})
    meta.pop("vitae", None)
    if not meta and "meta" not in original:
        exported.pop("meta", None)
    return exported


def documents():
    yield os.path.join(DATA, "sample.resume.json")
    examples = os.path.join(DATA, "examples")
    for name in sorted(os.listdir(examples)):
        if name.endswith(".json"):
            yield os.path.join(examples, name)


def main():
    with open(os.path.join(DATA, "schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.draft7_format_checker)

    with tempfile.TemporaryDirectory(prefix="vitae-validate-") as tmp:
        data_dir = os.path.join(tmp, "data")
        last_id = None

        for path in documents():
            name = os.path.basename(path)
            with open(path, encoding="utf-8") as f:
                original = json.load(f)

            imported = vitae(data_dir, "import", path)
            if imported.returncode != 0:
                check(f"import {name}", False, imported.stderr)
                continue
            last_id = imported.stdout.strip()
            check(f"import {name} prints the id alone",
                  last_id.isdigit() and imported.stdout == last_id + "\n",
                  repr(imported.stdout))

            out = os.path.join(tmp, name)
            exported = vitae(data_dir, "export", last_id, "--format", "json", "-o", out)
            if exported.returncode != 0:
                check(f"export {name}", False, exported.stderr)
                continue
            with open(out, encoding="utf-8") as f:
                document = json.load(f)

            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
            check(f"export of {name} is valid against schema.json", not errors,
                  "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
            check(f"export of {name} equals the original",
                  strip_vitae(document, original) == original)

        # A refused file changes nothing, and the error says where.
        before = vitae(data_dir, "list", "--archived").stdout + vitae(data_dir, "list").stdout
        bad = os.path.join(tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"work": [{}, {}, {"startDate": 2019}]}')
        refused = vitae(data_dir, "import", bad)
        after = vitae(data_dir, "list", "--archived").stdout + vitae(data_dir, "list").stdout
        check("a bad file is refused with exit status 1", refused.returncode == 1, str(refused.returncode))
        check("the refusal names the field",
              "work[2].startDate: expected a string" in refused.stderr and refused.stdout == "",
              refused.stderr)
        check("a refused import leaves the database unchanged", before == after)

        if last_id is not None:
            for fmt in ("txt", "md"):
                shown = vitae(data_dir, "export", last_id, "--format", fmt, "-o", "-")
                check(f"export --format {fmt} -o - writes to stdout",
                      shown.returncode == 0 and len(shown.stdout) > 100, shown.stderr)
            stdout_json = vitae(data_dir, "export", last_id, "--format", "json", "-o", "-")
            check("export --format json -o - is JSON",
                  stdout_json.returncode == 0 and isinstance(json.loads(stdout_json.stdout), dict))

        usage = vitae(data_dir, "export", "--format", "docx", "1")
        check("an unknown format is a usage error", usage.returncode == 2, str(usage.returncode))
        usage = vitae(data_dir, "import")
        check("import without a file is a usage error", usage.returncode == 2, str(usage.returncode))
        missing = vitae(data_dir, "export", "999999", "-o", "-")
        check("exporting a missing resume fails", missing.returncode == 1, str(missing.returncode))

    print(f"1..{len(results)}")
    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines():
                print(f"# {line}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
