"""Search terms computed in a second process while a batch import verifies and merges.

Indexing what a batch brings cost a 10,000-organization import a large share of its
time: pypinyin's dictionaries alone take a good part of a second to load, then every
name's pinyin. As the importer reads the payload's lines, it sends each organization's
and person's name and phone numbers (`TermPrefetch.tap`, a thousand at a time) to a
second process (`child_process`), which loads pypinyin and computes their terms on the other
core meanwhile and hands them back as it goes, keyed by the values they were made of
(`search_terms.TermKey`). The importer indexes each new record as soon as its terms
are back (`known`), and every other record after the merge from the row as stored
(`answer`, once all are back): a value the merge changed, or one never sent or never
answered, is computed in place, so the index is the same with or without the worker
(and without it entirely: a failed start, a small batch).

Messages are pickles: the parent sends lists of keys and then None; the
child (`search_terms.serve`) answers each list with a dict of terms, then None (or,
on failure, an ("error", text) pair). A plain subprocess (`child_process`, also from
the frozen app), not multiprocessing: spawning would re-run the caller's main script.

A worker that answered a whole import is kept for the next one (one at most, ending
by itself after IDLE_S): a centre imports one batch per team in a sitting, and
starting an interpreter and loading pypinyin again cost each of them about 0.4
CPU-seconds on a core the import itself needs.
"""

from __future__ import annotations

import atexit
import contextlib
import pickle
import queue
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from yeda_desktop import child_process
from yeda_desktop.search_terms import TermKey, key_of

Line = dict[str, Any]

# Below this many organizations and people, computing here costs less than starting
# an interpreter and loading pypinyin in it.
WORKER_FROM = 2000
# Into PostgreSQL the server's own process is busy with the other core: a 10k batch
# imported in 8.5 s with the worker against 7.8-8.6 s without (2 cores, 2026-11-28).
WORKER_ENGINES = frozenset({"sqlite"})
SEND_EVERY = 1000  # keys per message
# Messages waiting for the worker at most: memory stays bounded whatever happens to it.
QUEUED_BATCHES = 256
# A worker that has not answered this long after the merge ended is given up on
# (the terms are then computed here): a hung child must not hang the import.
ANSWER_TIMEOUT_S = 600.0
# A worker still running this long after it was told to stop is killed.
REAP_TIMEOUT_S = 10.0
# A kept worker ends by itself this long after its last import (its memory, about
# 70 MB, given back); one this close to that is not used again, so as not to race it.
IDLE_S = 600.0
REUSE_MARGIN_S = 30.0

Process = child_process.Process
_kept_lock = threading.Lock()
_kept: tuple[Process, float] | None = None  # the idle worker, and when it went idle


def _start() -> Process:
    return child_process.start("search-terms", str(IDLE_S), stdin=subprocess.PIPE)


def _take_or_start() -> Process:
    """The kept worker, if it is alive and not about to end by itself; else a new one."""
    global _kept
    with _kept_lock:
        kept, _kept = _kept, None
    if kept is not None:
        process, idle_since = kept
        if process.poll() is None and time.monotonic() - idle_since < IDLE_S - REUSE_MARGIN_S:
            return process
        _stop(process)
    return _start()


def _keep(process: Process) -> None:
    global _kept
    with _kept_lock:
        previous, _kept = _kept, (process, time.monotonic())
    if previous is not None:
        _stop(previous[0])


def _stop(process: Process) -> None:
    """End a worker: its input closed (it then exits), killed if it does not soon."""
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(REAP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


def warm(dialect: str) -> bool:
    """Start a worker now and keep it, if none is kept: for a window about to import
    batches, so that pypinyin loads while the administrator picks the files and the
    first import of a sitting finds it ready. True when one is (now) kept."""
    global _kept
    if dialect not in WORKER_ENGINES or not child_process.available():
        return False
    with _kept_lock:
        if _kept is not None and _kept[0].poll() is None:
            return True
    try:
        _keep(_start())
    except OSError:
        return False
    return True


def discard_kept() -> None:
    """Stop the kept worker now: at exit, and for callers that change how workers start."""
    global _kept
    with _kept_lock:
        kept, _kept = _kept, None
    if kept is not None:
        _stop(kept[0])


atexit.register(discard_kept)


class TermPrefetch:
    """The importer's side: sends the keys to the worker and collects its answer.

    Nothing here blocks the importing thread: keys go to the worker through a
    feeder thread (a bounded queue: should the worker stop reading, the rest is
    simply not sent and computed in place), the answer is read by another thread as
    soon as it comes. Every failure ends in an empty answer.
    """

    def __init__(self) -> None:
        self._process = _take_or_start()
        self._complete = False  # the worker answered this import to its end
        self._outbox: queue.Queue[list[TermKey] | None] = queue.Queue(QUEUED_BATCHES)
        self._batch: list[TermKey] = []
        self._sending = True
        self._ended = False
        self._answer: dict[TermKey, str] = {}  # filled by the reader thread as answers come
        self._feeder = threading.Thread(target=self._feed, name="terms-feeder", daemon=True)
        self._reader = threading.Thread(target=self._read, name="terms-reader", daemon=True)
        self._feeder.start()
        self._reader.start()

    def _feed(self) -> None:
        stream = self._process.stdin
        assert stream is not None
        batch: list[TermKey] | None = []
        try:
            while True:
                batch = self._outbox.get()
                pickle.dump(batch, stream, pickle.HIGHEST_PROTOCOL)
                stream.flush()
                if batch is None:  # the pipe stays open for the next import
                    break
        except (OSError, ValueError):  # the worker is gone: its answer will be empty
            self._sending = False
            with contextlib.suppress(OSError):
                stream.close()
            # Take what is still queued, so that no put waits for this thread, up to the
            # end (None), unless that was the message that failed: then nothing follows.
            while batch is not None:
                batch = self._outbox.get()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        try:
            while isinstance(part := pickle.load(stream), dict):
                self._answer.update(part)
            self._complete = part is None
        except Exception:  # what is missing is computed in place
            return

    def tap(self, lines: Iterable[Line]) -> Iterator[Line]:
        """The lines unchanged; each organization's and person's key sent on the way."""
        for line in lines:
            if self._sending and (key := key_of(line)) is not None:
                self._batch.append(key)
                if len(self._batch) >= SEND_EVERY:
                    self._send()
            yield line

    def _send(self) -> None:
        try:
            self._outbox.put_nowait(self._batch)
        except queue.Full:  # the worker stopped reading: the rest is computed here
            self._sending = False
        self._batch = []

    def known(self) -> Mapping[TermKey, str]:
        """The terms answered so far, by key (it grows as answers come; never waits)."""
        return self._answer

    def answer(self, timeout: float = ANSWER_TIMEOUT_S) -> Mapping[TermKey, str]:
        """Every sent organization's and person's terms, by key, once the worker has
        answered them all (after a failure: those answered before it)."""
        self._end()
        self._reader.join(timeout)
        if self._reader.is_alive():
            self.close()
        return self._answer

    def _end(self) -> None:
        if not self._ended:
            self._ended = True
            if self._batch and self._sending:
                self._send()
            self._outbox.put(None)

    def close(self) -> None:
        """Keep the worker for the next import if it answered this one to its end;
        otherwise stop it and reap it.

        A worker whose answer is still being awaited (the import was cancelled or failed,
        or the answer was given up on) is killed: one still writing an answer nobody
        reads would otherwise block forever, and the import with it.
        """
        self._end()
        if self._process.poll() is None and self._reader.is_alive():
            self._process.kill()
        self._feeder.join()
        self._reader.join()
        if self._complete and self._process.poll() is None:
            _keep(self._process)
        else:
            _stop(self._process)

    def __enter__(self) -> TermPrefetch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def prefetch_for(record_counts: Mapping[str, int], dialect: str) -> TermPrefetch | None:
    """A worker for a batch with this many records per table, when it is worth one."""
    wanted = record_counts.get("organizations", 0) + record_counts.get("people", 0)
    if dialect not in WORKER_ENGINES or wanted < WORKER_FROM or not child_process.available():
        return None
    try:
        return TermPrefetch()
    except OSError:
        return None
