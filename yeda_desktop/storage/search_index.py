"""Keeps the search index in step with organizations, people and units.

SQLite keeps the terms in an FTS5 table; PostgreSQL in a tsvector column under a
GIN index (migration 0003). Only `terms_value`, `match_clause` and the bulk
rebuild's last step differ between them.

A flush hook on every ORM session rewrites the index rows of whatever the flush
touched, in the same transaction; `rebuild_search_index` fills it in bulk for a
freshly generated or imported database.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import Session

from yeda_desktop.models import Building, Floor, Organization, Person, Unit
from yeda_desktop.search_terms import (
    TermKey,
    name_terms,
    number_terms,
    org_terms,
    person_terms,
    tokens,
)
from yeda_desktop.storage.bulk import BulkWriter, defer_indexes
from yeda_desktop.storage.driver_sql import insert_many, run_sql

DOCS = "search_docs"
FTS = "search_fts"
TABLE_PREFIX = "search_"
BATCH = 2000

Doc = tuple[str, str, str, str]  # kind, ref_id, title, terms


def alembic_include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic filter: the search tables are not models, so autogenerate must skip them."""
    return not (type_ == "table" and reflected and (name or "").startswith(TABLE_PREFIX))


def org_doc(org_id: str, name: str, uscc: str | None, phone: str | None) -> Doc:
    return ("org", org_id, name, org_terms(name, uscc, phone))


def person_doc(person_id: str, name: str, phone: str | None) -> Doc:
    """The terms of the name and the phone, sorted (as `org_doc`'s), one space between."""
    return ("person", person_id, name, person_terms(name, phone))


def unit_doc(unit_id: str, label: str, floor_label: str, building_name: str) -> Doc:
    terms = number_terms(label, 1)
    terms.update(tokens(f"{floor_label}{label}"))
    terms |= name_terms(building_name)
    return ("unit", unit_id, label, " ".join(sorted(terms)))


def has_index(conn: Connection) -> bool:
    if conn.dialect.name == "postgresql":
        return bool(conn.execute(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": DOCS}).scalar())
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": DOCS}
    ).first()
    return found is not None


def terms_value(dialect: str) -> str:
    """The SQL that stores the bound `:t` (space-separated terms) in the index."""
    return "CAST(:t AS tsvector)" if dialect == "postgresql" else ":t"


def match_clause(dialect: str, words: list[str]) -> tuple[str, str]:
    """WHERE clause (on the index table) and its `:q` value: every word as a term prefix.

    Words are letters and digits only (search_terms.compact), so quoting is safe.
    """
    if dialect == "postgresql":
        return f"{FTS}.terms @@ CAST(:q AS tsquery)", " & ".join(f"'{w}':*" for w in words)
    return f"{FTS} MATCH :q", " AND ".join(f'"{w}"*' for w in words)


def write_docs(conn: Connection, docs: Iterable[Doc]) -> None:
    """Replace the index rows of these documents, a few statements per 500 of them.

    An import re-indexes tens of thousands of records; one round of statements each
    (upsert, delete, insert) made the index most of a batch import's time.
    """
    latest = {ref_id: (kind, ref_id, title, terms) for kind, ref_id, title, terms in docs}
    ordered = sorted(latest.values(), key=lambda d: d[1])
    for chunk in _chunks([d[1] for d in ordered], 500):
        _delete_chunk(conn, chunk)
    if not ordered:
        return
    _insert_docs(conn, _allocate_rowids(conn, len(ordered)), ordered)


def _insert_docs(conn: Connection, rowids: Sequence[int], docs: Sequence[Doc]) -> None:
    insert_many(conn, f"INSERT INTO {DOCS}(rowid, kind, ref_id, title) VALUES (?, ?, ?, ?)",
                [(i, k, r, t) for i, (k, r, t, _) in zip(rowids, docs, strict=True)])
    # COPY on PostgreSQL reads the space-separated terms as a tsvector (its text form).
    insert_many(conn, f"INSERT INTO {FTS}(rowid, terms) VALUES (?, ?)",
                [(i, terms) for i, (_, _, _, terms) in zip(rowids, docs, strict=True)])


class NewDocs:
    """Writes the documents of records that have none yet (a batch's new records).

    No old rows to look for and drop, and on SQLite the rowids are counted on from
    one read of the largest: reading the index again would wait for every insert
    still queued by `write_behind` (the writes of this transaction are the only ones).
    PostgreSQL draws them from the identity sequence each time.
    """

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._next: int | None = None

    def write(self, docs: Sequence[Doc]) -> None:
        if not docs:
            return
        if self._conn.dialect.name == "postgresql" or self._next is None:
            rowids = _allocate_rowids(self._conn, len(docs))
        else:
            rowids = list(range(self._next, self._next + len(docs)))
        self._next = rowids[-1] + 1
        _insert_docs(self._conn, rowids, docs)


def _allocate_rowids(conn: Connection, count: int) -> list[int]:
    """`count` unused rowids, chosen before the insert (no read-back of generated keys).

    PostgreSQL draws them from the identity sequence (safe beside other writers);
    a SQLite file has one writer, so the ones after the largest are free.
    """
    if conn.dialect.name == "postgresql":
        drawn = conn.execute(
            text(f"SELECT nextval(pg_get_serial_sequence('{DOCS}', 'rowid')) "
                 "FROM generate_series(1, :n)"),
            {"n": count},
        )
        return [int(r[0]) for r in drawn]
    first = int(conn.execute(text(f"SELECT coalesce(max(rowid), 0) + 1 FROM {DOCS}")).scalar_one())
    return list(range(first, first + count))


def _delete_chunk(conn: Connection, ref_ids: list[str]) -> None:
    """Drop these documents' rows; most of an import's records are new and have none."""
    found = run_sql(conn, f"SELECT rowid FROM {DOCS} WHERE ref_id IN ({_marks(ref_ids)})",
                    ref_ids).all()
    if not found:
        return
    run_sql(conn, f"DELETE FROM {FTS} WHERE rowid = ?", [tuple(r) for r in found])
    run_sql(conn, f"DELETE FROM {DOCS} WHERE rowid = ?", [tuple(r) for r in found])


def delete_docs(conn: Connection, ref_ids: Iterable[str]) -> None:
    for chunk in _chunks(sorted(set(ref_ids)), 500):
        _delete_chunk(conn, chunk)


_UNIT_CONTEXT = (
    "SELECT u.id, u.label, f.label, b.name FROM units u "
    "JOIN floors f ON f.id = u.floor_id JOIN buildings b ON b.id = f.building_id "
)


def _unit_docs(conn: Connection, where: str, params: Sequence[str] = ()) -> list[Doc]:
    rows = run_sql(conn, _UNIT_CONTEXT + where, params)
    return [unit_doc(uid, label, floor, building) for uid, label, floor, building in rows]


def _after_flush(session: Session, _ctx: object) -> None:
    changed = [*session.new, *session.dirty]
    docs: list[Doc] = []
    gone = [o.id for o in session.deleted if isinstance(o, Organization | Person | Unit)]
    unit_ids: set[str] = set()
    floor_ids: set[str] = set()
    building_ids: set[str] = set()
    for obj in changed:
        if isinstance(obj, Organization):
            docs.append(org_doc(obj.id, obj.name, obj.uscc, obj.contact_phone))
        elif isinstance(obj, Person):
            docs.append(person_doc(obj.id, obj.name, obj.phone))
        elif isinstance(obj, Unit):
            unit_ids.add(obj.id)
        elif isinstance(obj, Floor) and obj not in session.new:
            floor_ids.add(obj.id)
        elif isinstance(obj, Building) and obj not in session.new:
            building_ids.add(obj.id)
    if not (docs or gone or unit_ids or floor_ids or building_ids):
        return
    conn = session.connection()
    if not has_index(conn):
        return
    _apply(conn, docs, gone, unit_ids, floor_ids, building_ids)


def _apply(
    conn: Connection,
    docs: list[Doc],
    gone: Iterable[str],
    unit_ids: set[str],
    floor_ids: set[str],
    building_ids: set[str],
) -> None:
    """Write `docs`, drop `gone`, and re-index the units under the given units/floors/buildings."""
    for ids, column in ((unit_ids, "u.id"), (floor_ids, "f.id"), (building_ids, "b.id")):
        for chunk in _chunks(sorted(ids), 500):
            docs += _unit_docs(conn, f"WHERE {column} IN ({_marks(chunk)})", chunk)
    delete_docs(conn, gone)
    write_docs(conn, docs)


def _marks(chunk: list[str]) -> str:
    return ", ".join("?" for _ in chunk)


# Documents held before they are written (a 1M-organization batch makes 4M of them).
WRITE_EVERY = 5000


def refresh_records(
    conn: Connection,
    touched: Mapping[str, Collection[str]],
    known: Mapping[TermKey, str] | None = None,
) -> None:
    """Re-index rows written without the ORM (batch imports), as they now stand.

    `touched` maps a table name to record ids; ids no longer in their table are
    dropped from the index. Tables the index does not cover are ignored. `known`
    holds terms computed ahead (by a `search_worker`) for the values they were
    made of: a row whose stored values are there takes them, any other is computed.
    """
    if not has_index(conn):
        return
    known = known or {}
    docs: list[Doc] = []
    gone: set[str] = set()
    sources: dict[str, tuple[str, str, Callable[..., Doc]]] = {
        "organizations": ("SELECT id, name, uscc, contact_phone FROM organizations", "org",
                          org_doc),
        "people": ("SELECT id, name, phone FROM people", "person", person_doc),
    }
    for table, (select_sql, kind, make) in sources.items():
        for chunk in _chunks(sorted(touched.get(table, ())), 500):
            present: set[str] = set()
            for row in run_sql(conn, f"{select_sql} WHERE id IN ({_marks(chunk)})", chunk):
                ref_id, name, *rest = row
                present.add(ref_id)
                terms = known.get((kind, name, *rest))
                docs.append(make(*row) if terms is None else (kind, ref_id, name, terms))
            gone.update(i for i in chunk if i not in present)
            if len(docs) >= WRITE_EVERY:  # memory bounded whatever the batch
                write_docs(conn, docs)
                docs = []
    unit_ids = set(touched.get("units", ()))
    existing: set[str] = set()
    for chunk in _chunks(sorted(unit_ids), 500):
        existing |= {
            r[0]
            for r in run_sql(conn, f"SELECT id FROM units WHERE id IN ({_marks(chunk)})", chunk)
        }
    gone |= unit_ids - existing
    _apply(conn, docs, gone, existing, set(touched.get("floors", ())),
           set(touched.get("buildings", ())))


def install() -> None:
    """Keep the index in step for every ORM session in this process (idempotent).

    `Database` calls it, so every writer (GUI, CLI, imports) keeps the index current.
    """
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_id(conn: Connection, column: str) -> str:
    """ORDER BY the ids in code-point order on both engines (PostgreSQL's default is its locale)."""
    return f'{column} COLLATE "C"' if conn.dialect.name == "postgresql" else column


def _all_docs(conn: Connection) -> Iterator[Doc]:
    """Every document, each source table read whole first and in id order.

    Reading whole keeps the reader from waiting on the writer thread row by row;
    id order makes the inserts into `search_docs`' unique ref_id index sequential.
    """
    orgs = conn.execute(
        text(
            "SELECT id, name, uscc, contact_phone FROM organizations "
            f"ORDER BY {_by_id(conn, 'id')}"
        )
    ).all()
    for oid, name, uscc, phone in orgs:
        yield org_doc(oid, name, uscc, phone)
    del orgs
    people = conn.execute(
        text(f"SELECT id, name, phone FROM people ORDER BY {_by_id(conn, 'id')}")
    ).all()
    for pid, name, phone in people:
        yield person_doc(pid, name, phone)
    del people
    yield from _unit_docs(conn, f"ORDER BY {_by_id(conn, 'u.id')}")


def _count_rows(conn: Connection) -> int:
    return int(
        conn.execute(
            text(
                "SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM people)"
                " + (SELECT count(*) FROM units)"
            )
        ).scalar_one()
    )


def rebuild_search_index(
    bind: Session | Engine | Connection,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Rebuild the whole index in one transaction; returns the number of rows indexed.

    `progress(done, total)` is called between batches; raising from it (e.g. on
    cancel) abandons the rebuild and leaves the old index untouched.
    """
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return _rebuild(conn, progress)
    conn = bind.connection() if isinstance(bind, Session) else bind
    return _rebuild(conn, progress)


def _rebuild(conn: Connection, progress: Callable[[int, int], None] | None) -> int:
    total = _count_rows(conn)
    if conn.dialect.name == "postgresql":  # no dead rows left for VACUUM; the GIN is dropped
        conn.execute(text(f"TRUNCATE {FTS}, {DOCS}"))  # below anyway, which locks as much
    else:
        conn.execute(text(f"DELETE FROM {FTS}"))
        conn.execute(text(f"DELETE FROM {DOCS}"))
    deferred = defer_indexes(conn, [FTS])
    # Source rows stream from one cursor while the writer thread fills the index tables.
    with BulkWriter(conn, json_rows=True) as writer:
        done = fill_index(writer, conn.dialect.name, _all_docs(conn), total, progress)
        for sql in deferred:
            writer.execute(sql)
    finish_index(conn)
    return done


# FTS5 gathers new terms in memory and writes a segment each time they pass this
# many bytes (1 MiB by default): a bulk fill writes (and merges) a sixteenth as many.
_BULK_HASHSIZE = 16 * 2**20
_DEFAULT_HASHSIZE = 2**20
_DEFAULT_AUTOMERGE = 4


def _fts_setting(conn: Connection, name: str, value: int) -> None:
    conn.execute(text(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('{name}', {int(value)})"))


@contextmanager
def many_writes(conn: Connection) -> Iterator[None]:
    """SQLite: FTS5 set for many index writes in this transaction, set back at its end.

    FTS5 merges its segments a little at each write (automerge): in a 10,000-organization
    import that was a seventh of its work (callgrind: 3.15 → 2.68 G instructions without).
    Off while the batch writes, with the larger term buffer, the batch leaves a few large
    segments, which later writes merge as usual. On an error nothing is set back: the
    transaction is rolled back, these settings with it.
    """
    if conn.dialect.name != "sqlite" or not has_index(conn):
        yield
        return
    _fts_setting(conn, "automerge", 0)
    _fts_setting(conn, "hashsize", _BULK_HASHSIZE)
    yield
    _fts_setting(conn, "automerge", _DEFAULT_AUTOMERGE)
    _fts_setting(conn, "hashsize", _DEFAULT_HASHSIZE)


class IndexFiller:
    """Appends documents to the empty index tables as rowids 1, 2, … through `writer`.

    For a bulk load (a rebuild, the demo); `finish_index` must follow once the
    writer is drained.
    """

    def __init__(self, writer: BulkWriter, dialect: str) -> None:
        self.writer = writer
        self.done = 0
        if dialect != "postgresql":
            writer.execute(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('hashsize', {_BULK_HASHSIZE})")

    def add(self, batch: Sequence[Doc]) -> None:
        start = self.done + 1
        self.writer.write(
            f"INSERT INTO {DOCS}(rowid, kind, ref_id, title) VALUES (?, ?, ?, ?)",
            [(start + i, k, r, t) for i, (k, r, t, _) in enumerate(batch)],
        )
        self.writer.write(
            f"INSERT INTO {FTS}(rowid, terms) VALUES (?, ?)",
            [(start + i, terms) for i, (_, _, _, terms) in enumerate(batch)],
        )
        self.done += len(batch)


def fill_index(
    writer: BulkWriter,
    dialect: str,
    docs: Iterable[Doc],
    total: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write `docs` through an `IndexFiller`, BATCH at a time; returns how many.

    Terms are computed batch by batch while the writer thread inserts the previous
    batch.
    """
    filler = IndexFiller(writer, dialect)
    reader = iter(docs)
    while batch := [doc for _, doc in zip(range(BATCH), reader, strict=False)]:
        filler.add(batch)
        if progress is not None:
            progress(filler.done, total)
    return filler.done


def finish_index(conn: Connection) -> None:
    """After `fill_index`: the next rowid (PostgreSQL); FTS5's defaults, one merged segment."""
    if conn.dialect.name == "postgresql":  # later single inserts draw rowids after these
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{DOCS}', 'rowid'), "
            f"(SELECT coalesce(max(rowid), 0) + 1 FROM {DOCS}), false)"
        ))
        return
    conn.execute(
        text(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('hashsize', {_DEFAULT_HASHSIZE})")
    )
    conn.execute(text(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')"))
