"""Figures, timing helpers, the shared demo datasets and bare (reference) inserts."""

from __future__ import annotations

import sqlite3
import statistics
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean

from yeda_desktop.models import Base
from yeda_desktop.storage import Database, open_database


@dataclass
class Figure:
    name: str
    size: int
    engine: str
    seconds: float | None
    reference_name: str = ""
    reference_seconds: float | None = None
    ratio: float | None = None
    target: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def figure(name: str, size: int, engine: str, seconds: float, reference_name: str = "",
           reference_seconds: float | None = None, target: str = "", **extra: Any) -> Figure:
    ratio = seconds / reference_seconds if reference_seconds else None
    return Figure(name, size, engine, seconds, reference_name, reference_seconds, ratio,
                  target, extra)


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def median_of(runs: int, work: Callable[[], Any]) -> float:
    return statistics.median(timed(work)[0] for _ in range(runs))


def attempt(out: list[Figure], name: str, size: int, engine: str,
            work: Callable[[], list[Figure] | Figure]) -> None:
    """Run one measurement; an exception becomes an error cell instead of ending the run."""
    try:
        got = work()
        out.extend(got if isinstance(got, list) else [got])
    except Exception as exc:  # recorded in the report
        last = traceback.format_exception_only(exc)[-1].strip()
        out.append(Figure(name, size, engine, None, error=last[:600]))


@dataclass
class Dataset:
    """One demo zone of `size` organizations on one engine, reused by every benchmark."""

    engine: str  # "sqlite" or "postgresql"
    size: int
    location: str  # file path or PostgreSQL URL
    sqlite_source: Path  # the SQLite demo of the same size (the PostgreSQL one is copied from it)
    note: str = ""
    _db: Database | None = None

    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.location, check=False)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@dataclass
class Context:
    tmp: Path
    cluster: Any | None  # tests.pg_cluster.Cluster when PostgreSQL is benchmarked
    runs: int = 3
    gui_warmed: bool = False

    def fresh(self, engine: str, label: str) -> str:
        """An empty, migrated database of that engine; returns its path or URL."""
        if engine == "sqlite":
            path = self.tmp / f"{label}-{time.monotonic_ns()}.sqlite"
            open_database(path).close()
            return str(path)
        assert self.cluster is not None
        url: str = self.cluster.new_database()
        open_database(url).close()
        return url


def bare_executemany(engine: str, location: str,
                     rows: dict[str, tuple[Sequence[str], list[tuple[Any, ...]]]]) -> float:
    """The yardstick: a driver-level executemany of the rows into an empty migrated database.

    SQLite: sqlite3 in WAL mode with synchronous=FULL (as bench_sync.bare_insert);
    PostgreSQL: psycopg's executemany in one transaction (booleans stored as 0/1 by
    SQLite are turned into bool first, outside the timing).
    """
    return bare_executemany_chunks(engine, location, [rows])


def bare_executemany_chunks(
    engine: str, location: str,
    chunks: Iterable[dict[str, tuple[Sequence[str], list[tuple[Any, ...]]]]],
) -> float:
    """`bare_executemany` of rows that arrive in chunks (so they never sit whole in memory).

    Still one transaction; only the executemany calls and the commit are timed, not
    making the chunks (nor, on PostgreSQL, turning their booleans into bool).
    """
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    elapsed = 0.0
    if engine == "sqlite":
        conn = sqlite3.connect(location)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        with conn:
            for rows in chunks:
                started = time.perf_counter()
                for table, (cols, data) in rows.items():
                    marks = ", ".join("?" for _ in cols)
                    conn.executemany(
                        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", data)
                elapsed += time.perf_counter() - started
            started = time.perf_counter()
        elapsed += time.perf_counter() - started
        conn.close()
        return elapsed
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(location)
    pg = psycopg.connect(dbname=url.database, user=url.username,
                         host=url.query.get("host"))  # type: ignore[arg-type]
    with pg.transaction(), pg.cursor() as cur:
        for rows in chunks:
            converted = {}
            for table, (cols, data) in rows.items():
                flags = [isinstance(tables[table].c[c].type, Boolean) for c in cols]
                converted[table] = (cols, [
                    tuple(bool(v) if f and v is not None else v
                          for v, f in zip(r, flags, strict=True))
                    for r in data
                ])
            started = time.perf_counter()
            for table, (cols, data) in converted.items():
                marks = ", ".join("%s" for _ in cols)
                cur.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})",
                                data)
            elapsed += time.perf_counter() - started
        started = time.perf_counter()
    elapsed += time.perf_counter() - started
    pg.close()
    return elapsed
