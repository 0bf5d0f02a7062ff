"""Benchmark: hostile files are refused at once; the archive's hot paths.

Figures (medians; ratios against a baseline measured in the same run):
- the alias bomb (6 KB that would expand to a billion values) and a 20,000-level
  nesting, refused: milliseconds, against reading the real 43 KB plan;
- the plan parsed through libyaml behind the limits, against the pure-Python path
  (which gives the located messages);
- the event-chain hash, written out directly, against canonical JSON of a dict.

Run:  .venv/bin/python benchmarks/bench_files.py
"""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from drill_app.core.sourcefile import DataFileError, _fast_parse, parse_yaml
from drill_app.paths import DEFAULT_PLAN
from drill_app.store.chain import EventFields, chain_hash, chain_hash_reference

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "hostile" / "corpus" / "scenarios"


def median_ms(action: Callable[[], object], runs: int = 20) -> float:
    timings = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with contextlib.suppress(DataFileError):
            action()
        timings.append(time.perf_counter() - t0)
    return statistics.median(timings) * 1000


def main() -> None:
    plan_text = DEFAULT_PLAN.read_text(encoding="utf-8")
    plan = median_ms(lambda: parse_yaml(plan_text, "plan"))
    print(f"the 43 KB plan, parsed               {plan:8.2f} ms (baseline)")
    for name in ("alias-bomb.yaml", "deep-flow.yaml", "huge-list.yaml"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        took = median_ms(lambda text=text, name=name: parse_yaml(text, name))
        print(f"{name:<20} refused           {took:8.2f} ms ({took / plan:.2f}x the plan)")

    import yaml

    def python_path() -> object:
        loader = yaml.SafeLoader(plan_text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    fast = median_ms(lambda: _fast_parse(plan_text, "plan"))
    slow = median_ms(python_path)
    print(
        f"plan via libyaml + limits            {fast:8.2f} ms; pure-Python compose alone "
        f"{slow:.2f} ms ({slow / fast:.1f}x)"
    )
    fields = EventFields(
        "d-000123", "report_submitted", "seat", "emergency", '{"a":"中文"}', 1.5, 2.5
    )
    n = 5000
    direct = median_ms(lambda: [chain_hash("a" * 64, "d", i, fields) for i in range(n)], 5)
    reference = median_ms(
        lambda: [chain_hash_reference("a" * 64, "d", i, fields) for i in range(n)], 5
    )
    print(
        f"chain hash x{n}                     {direct:8.2f} ms; canonical JSON of a dict "
        f"{reference:.2f} ms ({reference / direct:.1f}x)"
    )


if __name__ == "__main__":
    main()
