"""The demo's second process, both sides: from 20,000 organizations the rows and search
documents are made there while this process only writes them (see filling.generate_demo).

The worker (`run_worker`, the child "demo ORGS SEED" of `child_process`) pickles to
its stdout ("rows", sql, rows), ("tables", names) once those tables are full (their
indexes are built then), ("verify", campaign id) and ("progress", stage, done, total);
("search", total) and ("docs", documents) in rowid order — the organizations' and
people's before the visits are made, the units' after — and last ("done", counts), or
("error", traceback). So this process's writer never waits for the worker long: it
indexes what is complete while the rest is made. A full pipe makes the worker wait, so
neither side holds more than a few batches. (A plain subprocess, not
multiprocessing: spawning would re-run the caller's main script, which a script
calling generate_demo need not guard.)
"""

from __future__ import annotations

import itertools
import pickle
import subprocess
import sys
import traceback
from collections.abc import Iterator
from typing import Any, BinaryIO

from sqlalchemy import Connection

from yeda_desktop import child_process
from yeda_desktop.demo.generator import (
    DemoCancelled,
    DemoCounts,
    DemoGenerator,
    Progress,
    mark_verified,
    stage_tables,
)
from yeda_desktop.errors import YedaError
from yeda_desktop.storage import search_index
from yeda_desktop.storage.bulk import BulkWriter


class _PipeSink:
    def __init__(self, out: BinaryIO) -> None:
        self.out = out

    def send(self, message: tuple[Any, ...]) -> None:
        pickle.dump(message, self.out, pickle.HIGHEST_PROTOCOL)
        self.out.flush()

    def rows(self, sql: str, data: list[Any]) -> None:
        self.send(("rows", sql, data))

    def verify(self, current: str) -> None:
        self.send(("verify", current))

    def progress(self, stage: str, done: int, total: int) -> bool:
        self.send(("progress", stage, done, total))
        return True


def run_worker(orgs: int, seed: int) -> int:
    """The second process: the rows and search documents, pickled to stdout (see above)."""
    stream = sys.stdout  # held: replaced below, it must not be collected (and closed)
    sys.stdout = sys.stderr  # a stray print must not land in the pickle stream
    sink = _PipeSink(stream.buffer)
    try:
        gen_ = DemoGenerator(sink, orgs, seed, sink.progress)
        infos = gen_.places()
        sink.send(("tables", stage_tables(0)))
        current, previous = gen_.campaigns()
        gen_.organizations(infos, (current, previous))
        sink.send(("tables", stage_tables(1)))
        # The organizations' and people's documents (the first rowids) go now, so the
        # parent indexes them while this process makes the visits.
        sink.send(("search", gen_.search_total()))
        first = len(gen_.org_sources) + len(gen_.person_sources)
        docs = gen_.search_docs()
        _send_docs(sink, itertools.islice(docs, first))
        gen_.sweep(infos, current, previous)
        sink.send(("tables", stage_tables(2)))
        _send_docs(sink, docs)
        sink.send(("done", gen_.counts.tables))
        return 0
    except BrokenPipeError:  # the parent stopped reading: cancelled or failed
        return 1
    except BaseException:
        sink.send(("error", traceback.format_exc(limit=-3)))
        return 1
    finally:
        stream.flush()


def _send_docs(sink: _PipeSink, docs: Iterator[search_index.Doc]) -> None:
    while batch := list(itertools.islice(docs, search_index.BATCH)):
        sink.send(("docs", batch))


class FromWorker:
    """The parent's side: the worker's messages in order; its error raised as one.

    Closing it ends the worker: killed unless it said it was done, then reaped.
    """

    def __init__(self, process: child_process.Process) -> None:
        assert process.stdout is not None
        self.process = process
        self.stream = process.stdout
        self.last: tuple[Any, ...] = ()

    def close(self) -> None:
        if self.process.poll() is None and self.last[:1] != ("done",):
            self.process.kill()
        self.stream.close()
        self.process.wait()

    def __enter__(self) -> FromWorker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def next(self) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = pickle.load(self.stream)
        except EOFError:
            raise YedaError(
                "生成演示数据的进程意外退出", "the process generating the demo exited unexpectedly"
            ) from None
        if message[0] == "error":
            raise YedaError(
                f"生成演示数据失败：{message[1]}", f"generating the demo failed: {message[1]}"
            )
        self.last = message
        return message

    def docs(self) -> Iterator[search_index.Doc]:
        while (message := self.next())[0] == "docs":
            yield from message[1]


def start_worker(orgs: int, seed: int) -> FromWorker:
    """The worker process started, and its messages to read."""
    return FromWorker(child_process.start("demo", str(orgs), str(seed), stdin=subprocess.DEVNULL))


def generate_in_worker(
    conn: Connection,
    orgs: int,
    seed: int,
    progress: Progress | None,
    deferred: dict[str, list[str]],
    deferred_search: list[str],
) -> DemoCounts:
    """Rows and search terms made by the worker process, written here."""

    def tick(stage: str, done: int, total: int) -> None:
        if progress is not None and progress(stage, done, total) is False:
            raise DemoCancelled()

    counts = DemoCounts()
    filler: search_index.IndexFiller | None = None
    total = 0
    # executemany, not JSON batches: this thread only waits for the worker and unpickles.
    with start_worker(orgs, seed) as source, BulkWriter(conn) as writer:
        while (message := source.next())[0] != "done":
            kind = message[0]
            if kind == "rows":
                writer.write(message[1], message[2])
            elif kind == "docs" and filler is not None:
                filler.add(message[1])
                tick("search", filler.done, total)
            elif kind == "tables":  # those tables are full: their indexes now
                for table in message[1]:
                    for sql in deferred.pop(table, []):
                        writer.execute(sql)
            elif kind == "search":
                filler = search_index.IndexFiller(writer, conn.dialect.name)
                total = message[1]
            elif kind == "verify":
                writer.drain()
                mark_verified(conn, message[1])
            elif kind == "progress":
                tick(*message[1:])
            else:
                raise YedaError("演示数据有误", f"unexpected message from the worker: {kind}")
        for sql in [*(s for statements in deferred.values() for s in statements)]:
            writer.execute(sql)
        for sql in deferred_search:
            writer.execute(sql)
    counts.tables.update(message[1])
    counts.add("search_docs", filler.done if filler is not None else 0)
    return counts
