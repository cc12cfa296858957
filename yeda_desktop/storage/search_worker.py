"""Search terms computed in a second process while a batch import verifies and merges.

Indexing what a batch brings cost a 10,000-organization import a large share of its
time: pypinyin's dictionaries alone take a good part of a second to load, then every
name's pinyin. The importer hands the decrypted payload, piece by piece, to a second
Python process (`TermPrefetch.tap`: a queue put per 256 KiB, nothing more on its own
thread), which loads pypinyin, reads the organizations' and people's names from the
payload and computes their terms on the other core meanwhile; at the end it hands
back every document's terms keyed by the values they were made of
(`search_terms.TermKey`). The importer still builds each document from the row as
stored after the merge and only looks its terms up here: a value the merge changed,
or one never sent, is computed in place, so the index is the same with or without
the worker (and without it entirely: a frozen app, a failed start, a small batch).

Messages are pickles: the parent sends the payload's pieces and then None; the
child (`search_terms.serve`) answers once, with the dict of terms (or an ("error",
text) pair). A plain subprocess, not multiprocessing: spawning would re-run the
caller's main script. It imports search_terms from its folder as a module of its
own: through the storage package it would first load SQLAlchemy and the models.
"""

from __future__ import annotations

import contextlib
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from yeda_desktop.storage import search_terms
from yeda_desktop.storage.search_terms import TermKey

# Below this many organizations and people, computing here costs less than starting
# an interpreter and loading pypinyin in it.
WORKER_FROM = 2000
# Pieces of payload (256 KiB each) waiting for the worker at most: memory stays bounded.
QUEUED_PIECES = 64
# A worker that has not answered this long after the merge ended is given up on
# (the terms are then computed here): a hung child must not hang the import.
ANSWER_TIMEOUT_S = 600.0

# The worker: this very search_terms.py, imported from its folder, serving on stdin/stdout
# (stdout held for the answers, sys.stdout pointed at stderr so a stray print cannot
# land in the pickle stream).
_CHILD = (
    "import sys; sys.path[0] = sys.argv[1]; import search_terms; "
    "out = sys.stdout.buffer; sys.stdout = sys.stderr; "
    "sys.exit(search_terms.serve(sys.stdin.buffer, out))"
)


def can_run_worker() -> bool:
    """A second interpreter can be started (not in a frozen app, whose executable is the app)."""
    return bool(sys.executable) and not getattr(sys, "frozen", False)


class TermPrefetch:
    """The importer's side: hands the payload to the worker and collects its answer.

    Nothing here blocks the importing thread: the payload's pieces go to the worker
    through a feeder thread (a bounded queue: should the worker fall behind, the
    rest is simply not sent and computed in place), the answer is read by another
    thread as soon as it comes. Every failure ends in an empty answer.
    """

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(Path(search_terms.__file__).resolve().parent)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        self._outbox: queue.Queue[bytes | None] = queue.Queue(QUEUED_PIECES)
        self._sending = True
        self._ended = False
        self._answer: dict[TermKey, str] = {}
        self._feeder = threading.Thread(target=self._feed, name="terms-feeder", daemon=True)
        self._reader = threading.Thread(target=self._read, name="terms-reader", daemon=True)
        self._feeder.start()
        self._reader.start()

    def _feed(self) -> None:
        stream = self._process.stdin
        assert stream is not None
        try:
            while True:
                piece = self._outbox.get()
                pickle.dump(piece, stream, pickle.HIGHEST_PROTOCOL)
                if piece is None:
                    break
        except (OSError, ValueError):  # the worker is gone: its answer will be empty
            self._sending = False
            while self._outbox.get() is not None:  # so that no put waits for this thread
                pass
        finally:
            with contextlib.suppress(OSError):
                stream.close()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        try:
            answer = pickle.load(stream)
        except Exception:  # any failure means computing in place
            return
        if isinstance(answer, dict):
            self._answer = answer

    def tap(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        """The payload's pieces unchanged, each also sent to the worker on the way."""
        for piece in pieces:
            if self._sending:
                try:
                    self._outbox.put_nowait(piece)
                except queue.Full:  # the worker fell behind: the rest is computed here
                    self._sending = False
            yield piece

    def answer(self, timeout: float = ANSWER_TIMEOUT_S) -> Mapping[TermKey, str]:
        """Every sent organization's and person's terms, by key (empty on any failure)."""
        self._end()
        self._reader.join(timeout)
        if self._reader.is_alive():
            self.close()
            return {}
        return self._answer

    def _end(self) -> None:
        if not self._ended:
            self._ended = True
            self._outbox.put(None)

    def close(self) -> None:
        """Stop the worker (if still running) and reap it."""
        self._end()
        if self._process.poll() is None and self._reader.is_alive():
            self._process.kill()
        self._feeder.join()
        self._reader.join()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()

    def __enter__(self) -> TermPrefetch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def prefetch_for(record_counts: Mapping[str, int]) -> TermPrefetch | None:
    """A worker for a batch with this many records per table, when it is worth one."""
    wanted = record_counts.get("organizations", 0) + record_counts.get("people", 0)
    if wanted < WORKER_FROM or not can_run_worker():
        return None
    try:
        return TermPrefetch()
    except OSError:
        return None
