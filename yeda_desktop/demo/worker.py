"""`python -m yeda_desktop.demo.worker ORGS SEED`: the demo's second process.

It makes the rows and search documents of a demo zone and pickles them to its
stdout for `generate_demo`, which writes them (see second_process).
"""

from __future__ import annotations

import sys

from yeda_desktop.demo.second_process import run_worker

if __name__ == "__main__":
    sys.exit(run_worker(int(sys.argv[1]), int(sys.argv[2])))
