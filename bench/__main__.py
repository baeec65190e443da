"""python -m bench [NAME ...] — run benchmarks, print a table, write bench/results.json.

Each module bench/<file>.py with ``BENCHMARKS = {"name": function(ctx) -> list[Result]}`` is found
automatically. BENCH_QUICK=1 uses smaller data (a smoke run, not figures for README).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

from bench.common import BenchContext

HERE = Path(__file__).parent


def discover() -> dict:
    found = {}
    for file in sorted(HERE.glob("*.py")):
        if file.stem in ("__init__", "__main__", "common"):
            continue
        mod = importlib.import_module(f"bench.{file.stem}")
        found.update(getattr(mod, "BENCHMARKS", {}))
    return found


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    benches = discover()
    names = argv or list(benches)
    unknown = [n for n in names if n not in benches]
    if unknown:
        print("unknown benchmark(s):", ", ".join(unknown), "— known:", ", ".join(benches))
        return 2
    ctx = BenchContext(quick=os.environ.get("BENCH_QUICK") == "1")
    results_file = HERE / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    print(f"{'benchmark':<28}{'value':>12}{'floor':>12}{'ratio':>8}  unit  target")
    for name in names:
        for r in benches[name](ctx):
            results[r.name] = r.as_json()
            print(f"{r.name:<28}{r.value:>12.4f}{r.floor:>12.4f}{r.ratio:>8.2f}  {r.unit:<4}  {r.target}")
            for k, v in r.extra.items():
                print(f"{'':<28}{k} = {v}")
            sys.stdout.flush()
    results_file.write_text(json.dumps(results, indent=2, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
