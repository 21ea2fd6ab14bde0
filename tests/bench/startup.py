#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up time of the window to its first painted frame.

Runs `vitae` N times (default 10) on a database, each time measuring from the
moment before exec to the first frame the app reports (CLOCK_MONOTONIC on both
sides), and prints the median, min and max. Needs a display (run it under
xvfb-run or build-aux/vitae-dev's session).

  tests/bench/startup.py BUILD_DIR [DATA_DIR] [RUNS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "_build"
    data_dir = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    binary = os.path.join(build, "src", "vitae")

    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="vitae-bench-")
        data_dir = tmp.name
        for title in ("Backend Engineer", "Product Designer", "Data Scientist"):
            subprocess.run([binary, "--data-dir", data_dir, "new", title],
                           check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ, VITAE_BENCH_FIRST_FRAME="1",
               GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"),
               GSETTINGS_BACKEND="memory")
    times = []
    for _ in range(runs):
        start = time.monotonic_ns() // 1000
        out = subprocess.run([binary, "--data-dir", data_dir], env=env, check=True,
                             capture_output=True, text=True, timeout=60).stdout
        frame = [line for line in out.splitlines() if line.startswith("first-frame ")]
        if not frame:
            sys.exit("vitae did not report a first frame")
        times.append((int(frame[0].split()[1]) - start) / 1000.0)

    print(f"start-up to first frame over {runs} runs: median {statistics.median(times):.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
