"""The app's second processes, started alike from an install and from the frozen app.

Two kinds of work run beside the app in a process of their own: the search terms of a
batch being imported (`search_terms.serve`) and the rows of a large demo
(`demo.second_process.run_worker`). From an install, the child is this Python running
`main(NAME ARGS)` of this very package (`_BOOT`). In the frozen app `sys.executable` is
the app's own program, which runs no Python code given to it: it is started again with
CHILD_FLAG, and its entry points (installers/entry_*.py) hand such a start to `main`
before they load anything else. Before, the frozen app ran neither child, so the
administrators' own program imported batches without the search-terms worker that the
benchmarks measured.

This module loads nothing of the app at import: a child loads only what its work needs
(the search-terms worker: not SQLAlchemy, not the models).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

CHILD_FLAG = "--yeda-child"

# This very yeda_desktop goes first on the child's path (not one in its working folder, a
# source checkout run without installing, tests): the child runs the code its parent runs.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])
_BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from yeda_desktop.child_process import main; sys.exit(main(sys.argv[2:]))")

Process = subprocess.Popen[bytes]


def available() -> bool:
    """A child can be started: there is a program to start (an embedding host may have none)."""
    return bool(sys.executable)


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def command(name: str, *args: str) -> list[str]:
    """The command line that starts child `name` with `args`."""
    if frozen():
        return [sys.executable, CHILD_FLAG, name, *args]
    return [sys.executable, "-c", _BOOT, _PACKAGE_ROOT, name, *args]


def start(name: str, *args: str, stdin: int | IO[bytes] | None) -> Process:
    """Start child `name`, its stdout a pipe to read (and `stdin` as given)."""
    return subprocess.Popen(command(name, *args), stdin=stdin, stdout=subprocess.PIPE)


def _search_terms(args: Sequence[str]) -> int:
    from yeda_desktop import search_terms

    out = sys.stdout.buffer  # the answers; a stray print goes to stderr, not into them
    sys.stdout = sys.stderr
    return search_terms.serve(sys.stdin.buffer, out, float(args[0]))


def _demo(args: Sequence[str]) -> int:
    from yeda_desktop.demo.second_process import run_worker

    return run_worker(int(args[0]), int(args[1]))


CHILDREN: dict[str, Callable[[Sequence[str]], int]] = {
    "search-terms": _search_terms,  # IDLE_SECONDS
    "demo": _demo,  # ORGS SEED
}


def main(argv: Sequence[str]) -> int:
    """Run the child that `argv` (NAME ARGS…) names; 2 for a name that is none."""
    if sys.stderr is None:  # a windowed program (Windows) started with its stdout piped only
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    if not argv or argv[0] not in CHILDREN:
        print(f"unknown child process: {' '.join(argv)}", file=sys.stderr)
        return 2
    return CHILDREN[argv[0]](argv[1:])


def child_of(argv: Sequence[str]) -> list[str] | None:
    """NAME ARGS… when the frozen app's `argv` starts a child, else None (a user's start)."""
    if len(argv) > 1 and argv[1] == CHILD_FLAG:
        return list(argv[2:])
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
