"""The benchmark suite behind `python -m tests.bench` (on demand; no timed assertions).

Each benchmark is one module with `NAME` and `run(ctx, dataset) -> list[Figure]`;
runner.py prepares the demo data once per engine and size, runs them, and writes
report.md and report.json with each figure beside a reference measured in the same run.
"""
