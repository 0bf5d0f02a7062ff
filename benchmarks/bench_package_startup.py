"""Benchmark: start-up of the packaged bundle against the development install.

Run:  .venv/bin/python benchmarks/bench_package_startup.py [--runs 7] [--bundle DIR]

The bundle is dist/drill-app/ from `python3 tools/dev.py package` (or --bundle, e.g.
/opt/drill-app for the installed package); the development install is .venv's
`drill-app`.  Both are measured in the same run, alternating, each measurement a fresh
process from spawn:
- `--version` (the command line's cheapest path: interpreter start and argparse);
- `classify` of a facts file (the core and the plan loaded);
- the window offscreen: "shown" (painted) and "populated" (the start page shows the
  database), with the DRILL_APP_BENCH hook of drill_app/ui/app.py, on a temporary
  database seeded with a few exercises as in bench_startup.py.
One warm-up run of each first; medians reported, with the bundle/dev ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_startup import seed_database, timed_markers

ROOT = Path(__file__).resolve().parent.parent


def timed_exit(command: list[str], env: dict[str, str]) -> list[float]:
    """Seconds from spawning *command* to its exit (status 0)."""
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return [time.perf_counter() - start]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "drill-app")
    args = parser.parse_args(argv)
    bundled = args.bundle / "drill-app"
    if not bundled.exists():
        raise SystemExit(f"no bundle at {args.bundle}: run `python3 tools/dev.py package`")
    dev = Path(sys.executable).parent / "drill-app"
    commands = {"bundle": [str(bundled)], "dev": [str(dev)]}

    with tempfile.TemporaryDirectory(prefix="drill-bench-") as scratch:
        folder = Path(scratch)
        url = f"sqlite:///{folder / 'drills.sqlite3'}"
        seed_database(url)
        facts = folder / "facts.json"
        facts.write_text(json.dumps({"deaths": 3, "households_affected": 12000}), "utf-8")
        env = {k: v for k, v in os.environ.items() if k != "DRILL_APP_DB"}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DATA_HOME=str(folder / "data"),
            DRILL_APP_BENCH="1",
        )
        cases: dict[str, Callable[[list[str]], list[float]]] = {
            "--version": lambda c: timed_exit([*c, "--version"], env),
            "classify": lambda c: timed_exit([*c, "classify", str(facts)], env),
            "window": lambda c: timed_markers([*c, "--db", url], env, ("shown", "populated")),
        }
        samples: dict[tuple[str, str, int], list[float]] = {}
        for case in cases.values():  # warm-up: the page cache holds both afterwards
            for command in commands.values():
                case(command)
        for _ in range(args.runs):
            for case_name, case in cases.items():
                for which, command in commands.items():
                    for index, seconds in enumerate(case(command)):
                        samples.setdefault((case_name, which, index), []).append(seconds)

    print(f"medians of {args.runs} runs, offscreen, from process spawn")
    print(f"  {'':34s} {'dev':>8s} {'bundle':>8s}  bundle/dev")
    labels = {
        ("--version", 0): "--version (exit)",
        ("classify", 0): "classify (exit)",
        ("window", 0): "window shown",
        ("window", 1): "start page populated",
    }
    for (case_name, index), label in labels.items():
        dev_s = statistics.median(samples[(case_name, "dev", index)])
        bundle_s = statistics.median(samples[(case_name, "bundle", index)])
        print(
            f"  {label:34s} {dev_s * 1000:6.0f} ms {bundle_s * 1000:6.0f} ms"
            f"  {bundle_s / dev_s:5.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
