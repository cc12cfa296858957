"""`python -m tests.bench`: every benchmark on demo data, written to bench-report/ (see suite/)."""

from __future__ import annotations

import sys

from tests.bench.suite.runner import main

if __name__ == "__main__":
    sys.exit(main())
