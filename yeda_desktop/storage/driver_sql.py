"""Plain DBAPI SQL with `?` placeholders, on either engine.

The merge and export paths write rows with the driver's own executemany (the
ORM's per-value processing would dominate a large import). sqlite3 takes `?`,
psycopg takes `%s` (and a literal `%` doubled); this is the one place that knows.
`insert_many` sends plain many-row inserts as COPY on PostgreSQL: executemany
sends a statement per row there (pipelined, still several times slower).

Within `write_behind(conn)` (SQLite), `insert_many` only queues its rows: a second
thread inserts them while this one goes on with the next rows' Python (see
`WriteBehind`), and any other statement on the connection first waits for the
queue whenever it could see the difference (`read_beside_queue` is the exception the
caller vouches for; with `committed_view`, it reads on a second connection).
"""

from __future__ import annotations

import itertools
import operator
import queue
import re
import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.util.typing import TupleAny

from yeda_desktop.storage.committed_view import CommittedView

# `IN (?, ?, …)` or a lone `?`, in order, to regroup a flat parameter list.
_IN_LIST_OR_MARK = re.compile(
    r"(?:\bNOT\s+)?\bIN\s*\(\s*\?(?:\s*,\s*\?)*\s*\)|\?", re.IGNORECASE
)
_PLAIN_INSERT = re.compile(
    r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([\w\s,]+)\)\s*VALUES\s*\((\s*\?\s*(?:,\s*\?\s*)*)\)\s*$",
    re.IGNORECASE,
)


def run_sql(
    conn: Connection, sql: str, params: Sequence[Any] | Sequence[Sequence[Any]] = ()
) -> CursorResult[*TupleAny]:
    """Execute `sql`: executemany when `params` is a list of rows (tuples), else once."""
    if not params:
        return conn.exec_driver_sql(sql)
    if isinstance(params, list) and not isinstance(params[0], tuple | list | dict):
        params = tuple(params)  # a list of values is one row
    if conn.dialect.paramstyle == "qmark":
        return conn.exec_driver_sql(sql, params)
    if isinstance(params, tuple):
        sql, params = _as_arrays(sql, params)
    return conn.exec_driver_sql(sql.replace("%", "%%").replace("?", "%s"), params)


def _as_arrays(sql: str, params: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """`col IN (?, ?, …)` → `col = ANY(?)` with one array: psycopg parses a query with
    500 placeholders in milliseconds (every chunk of an import), one array in none."""
    values = iter(params)
    grouped: list[Any] = []

    def regroup(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            grouped.append(next(values))
            return "?"
        grouped.append([next(values) for _ in range(token.count("?"))])
        return "<> ALL(?)" if token[:3].upper() == "NOT" else "= ANY(?)"

    rewritten = _IN_LIST_OR_MARK.sub(regroup, sql)
    return rewritten, tuple(grouped)


def insert_many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """`INSERT INTO t (cols) VALUES (?, …)` for every row: executemany, or COPY on a server."""
    if not rows:
        return
    plain = _PLAIN_INSERT.match(sql)
    behind: WriteBehind | None = conn.info.get(_BEHIND)
    if behind is not None and plain is not None:
        behind.insert(plain.group(1), plain.group(2), rows)
        return
    if conn.dialect.paramstyle == "qmark" or plain is None:
        run_sql(conn, sql, list(rows))
        return
    raw: Any = conn.connection.dbapi_connection  # psycopg's Connection, with COPY
    table, columns = plain.group(1), plain.group(2)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


_BEHIND = "yeda_write_behind"
_READ = re.compile(r"\s*SELECT\b", re.IGNORECASE)
# Values bound per multi-row INSERT: large enough that a statement's round trip (and
# its wait for the GIL) is paid per few hundred rows, small enough to parse quickly.
VALUES_PER_STATEMENT = 12_000
# While rows are written behind, the writer thread waits for the GIL after every
# statement; Python's default 5 ms switch interval would leave it idle that long.
_SWITCH_INTERVAL_S = 0.0005


class WriteBehind:
    """Plain inserts of one SQLite connection, run on a second thread in order.

    sqlite3 releases the GIL while a statement runs, so the rows of one chunk are
    inserted while the importing thread decodes and merges the next. Each queued
    insert is one multi-row `INSERT … VALUES (…), (…)` statement: executemany would
    need the GIL back for every row, which a thread busy in Python hands over only
    every few milliseconds. SQLite serializes the two threads' statements on the
    connection; order is kept by waiting for the queue (`drain`) before any
    statement other than a SELECT, and before a SELECT that names a table with rows
    still queued (the schema has no views; triggers and foreign keys only act on
    writes). An insert's error is raised at that wait, as SQLAlchemy's exception.

    `view`: `read_beside_queue` answers from the committed state (`CommittedView`)
    until the first statement other than a SELECT, after which this connection does.
    """

    def __init__(self, conn: Connection, *, view: bool = False) -> None:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        self.view = CommittedView.beside(cast(sqlite3.Connection, raw)) if view else None
        self._cursor: Any = raw.cursor()
        self._jobs: queue.SimpleQueue[tuple[str, str, list[Any]] | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._queued: dict[str, int] = {}  # table → statements queued or running
        self._words: dict[str, re.Pattern[str]] = {}
        self._error: tuple[BaseException, str] | None = None
        self._skip = False  # after an error, or once the caller gave up: run nothing more
        self._beside = 0  # > 0 while a read_beside_queue runs: no wait
        self._sql: dict[tuple[str, str, int, tuple[int, ...]], str] = {}
        self._thread = threading.Thread(target=self._run, name="write-behind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            table, sql, values = job
            try:
                if not self._skip:
                    self._cursor.execute(sql, values)
            except BaseException as exc:  # raised in the caller at the next drain
                self._skip = True
                self._error = (exc, sql)
            finally:
                with self._lock:
                    self._queued[table] -= 1
                    if not self._queued[table]:
                        del self._queued[table]
                        if not self._queued:
                            self._idle.notify_all()

    def insert(self, table: str, columns: str, rows: Sequence[Sequence[Any]]) -> None:
        """Queue `INSERT INTO table (columns)` of `rows` (a few statements)."""
        width = columns.count(",") + 1
        per = max(1, VALUES_PER_STATEMENT // width)
        for start in range(0, len(rows), per):
            sql, values = self._statement(table, columns, width, rows[start : start + per])
            with self._lock:
                self._queued[table] = self._queued.get(table, 0) + 1
            self._jobs.put((table, sql, values))

    def _statement(
        self, table: str, columns: str, width: int, part: Sequence[Sequence[Any]]
    ) -> tuple[str, list[Any]]:
        """One multi-row INSERT of `part` and its values; a column that holds one value in
        every row (a batch's package and device in its log rows, the columns left empty)
        is bound once, as a numbered parameter every row names.

        The writer thread binds the values holding the GIL, and the thread that queued
        them waits meanwhile: in a 10,000-organization import the writer held it 0.45 s of
        the merge's 2.7 s, 0.14 s with each constant bound once (py-spy, 2026-11-29).
        """
        same = _same_columns(part, width) if len(part) > 1 else ()
        key = (table, columns, len(part), same)
        sql = self._sql.get(key)
        if sql is None:
            sql = self._sql[key] = _insert_sql(table, columns, width, len(part), same)
        if not same:
            return sql, list(itertools.chain.from_iterable(part))
        first = part[0]
        values = [first[i] for i in same]
        varying = [i for i in range(width) if i not in same]
        if len(varying) == 1:
            values.extend(map(operator.itemgetter(varying[0]), part))
        elif varying:
            values.extend(itertools.chain.from_iterable(map(operator.itemgetter(*varying), part)))
        return sql, values

    def before(self, sql: str) -> None:
        """Wait for the queue if `sql` could see or change the order of what is queued."""
        if self.view is not None and not _READ.match(sql):
            self.end_view()  # the committed state may no longer be the answer
        if self._beside:
            return
        with self._lock:
            queued = list(self._queued)
        if not queued and self._error is None:
            return
        if not _READ.match(sql) or any(self._word(t).search(sql) for t in queued):
            self.drain()

    def before_execute(self, _conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        self.before(sql)

    def _word(self, table: str) -> re.Pattern[str]:
        if table not in self._words:
            self._words[table] = re.compile(rf"\b{re.escape(table)}\b", re.IGNORECASE)
        return self._words[table]

    def drain(self) -> None:
        """Wait until every queued insert ran; raise the first one's error."""
        with self._idle:
            while self._queued:
                self._idle.wait()
        if self._error is not None:
            (exc, sql), self._error = self._error, None
            if isinstance(exc, sqlite3.Error):
                raise DBAPIError.instance(sql, None, exc, sqlite3.Error) from exc
            raise exc

    def end_view(self) -> None:
        if self.view is not None:
            self.view.close()
            self.view = None

    def close(self, *, abandon: bool = False) -> None:
        """End the thread; with `abandon` (the transaction is being rolled back) the
        inserts still queued are skipped."""
        self.end_view()
        if abandon:
            self._skip = True
        self._jobs.put(None)
        self._thread.join()
        self._cursor.close()


def _same_columns(rows: Sequence[Sequence[Any]], width: int) -> tuple[int, ...]:
    """The columns holding one value, of one type, in every row (1 and 1.0 are equal in
    Python, not in a column). Most others differ already between the first row and the
    last, so only the rest are read whole."""
    first, last = rows[0], rows[-1]
    same = []
    for i in range(width):
        value = first[i]
        if value != last[i] or type(value) is not type(last[i]):
            continue
        column = list(map(operator.itemgetter(i), rows))
        if column.count(value) == len(column) and (
            value is None or type(value) is str or len(set(map(type, column))) == 1
        ):
            same.append(i)
    return tuple(same)


def _insert_sql(table: str, columns: str, width: int, rows: int, same: tuple[int, ...]) -> str:
    """`INSERT INTO table (columns) VALUES (…), …` for `rows` rows; the columns `same`
    name the parameters ?1, ?2, … and the others a plain `?` each, numbered on from
    the last of those (the unused WITH names it first, as SQLite counts in the text)."""
    if not same:
        one = "(" + ", ".join("?" * width) + ")"
        return f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([one] * rows)
    number = {column: n for n, column in enumerate(same, start=1)}
    one = "(" + ", ".join(f"?{number[i]}" if i in number else "?" for i in range(width)) + ")"
    return (f"WITH bound AS (SELECT ?{len(same)}) INSERT INTO {table} ({columns}) VALUES "
            + ", ".join([one] * rows))


def read_beside_queue(
    conn: Connection, sql: str, params: Sequence[Any] = ()
) -> list[Any]:
    """The rows of a SELECT run now, beside the inserts `write_behind` queued.

    Only for a query whose answer no insert the transaction queued can change, run or
    not, which the caller knows from what it queued (say, deletions it has not made):
    waiting for the queue would leave this thread idle while the other one writes.
    Within `write_behind(conn, committed_view=True)` it is answered on a second
    connection, without waiting for the statement the writer runs, until the first
    statement that is not a SELECT.
    """
    behind: WriteBehind | None = conn.info.get(_BEHIND)
    if behind is None:
        return list(run_sql(conn, sql, params))
    committed = read_committed(conn, sql, params)
    if committed is not None:
        return committed
    # Without the view (or after its error: raised again here, as SQLAlchemy's).
    behind._beside += 1
    try:
        return list(run_sql(conn, sql, params))
    finally:
        behind._beside -= 1


def has_committed_view(conn: Connection) -> bool:
    """Whether `read_committed` answers on this connection now."""
    behind: WriteBehind | None = conn.info.get(_BEHIND)
    return behind is not None and behind.view is not None


def read_committed(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[Any] | None:
    """The rows of a SELECT on the database as last committed, while `write_behind`'s
    committed view stands; None once the transaction wrote other than queued inserts
    (or where there is no view). The caller adds what its own inserts changed."""
    behind: WriteBehind | None = conn.info.get(_BEHIND)
    if behind is None or behind.view is None:
        return None
    try:
        return behind.view.rows(sql, params)
    except sqlite3.Error:
        behind.end_view()
        return None


@contextmanager
def write_behind(conn: Connection, *, committed_view: bool = False) -> Iterator[None]:
    """Plain `insert_many` calls on this connection written by a second thread meanwhile
    (SQLite; elsewhere a no-op). Every insert has run when the block ends.

    `committed_view`: the transaction has begun writing, and nothing it wrote so far
    changes the answer of a `read_beside_queue` query (see `WriteBehind`).
    """
    if conn.dialect.name != "sqlite" or _BEHIND in conn.info:
        yield
        return
    behind = WriteBehind(conn, view=committed_view)
    interval = sys.getswitchinterval()
    conn.info[_BEHIND] = behind
    # Every statement through SQLAlchemy on this connection (run_sql, the ORM, text())
    # passes here first, so none can overtake the queued inserts.
    event.listen(conn, "before_cursor_execute", behind.before_execute)
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL_S))
    try:
        yield
        behind.drain()
    except BaseException:
        behind.close(abandon=True)
        raise
    else:
        behind.close()
    finally:
        sys.setswitchinterval(interval)
        event.remove(conn, "before_cursor_execute", behind.before_execute)
        del conn.info[_BEHIND]
