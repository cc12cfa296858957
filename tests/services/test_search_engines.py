"""PostgreSQL's search (tsvector + GIN) finds what SQLite's (FTS5) finds, on the same demo zone.

Both engines get the same demo (same seed, so the same ids), then every kind of
handle an officer types — Chinese, full pinyin, initials, room numbers, phone
tails, USCC prefixes — must match the same documents on both, and the two
indexes must hold the same words for the same number of documents.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from yeda_desktop.demo import generate_demo
from yeda_desktop.search_terms import pinyin_parts, query_words
from yeda_desktop.services.search import CANDIDATES, search
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.search_index import DOCS, FTS, match_clause

ORGS = 400
SEED = 7


@pytest.fixture(scope="module")
def pair(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, Database]]:
    """The same demo zone in a SQLite file and in a PostgreSQL database."""
    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.new_database(template=request.getfixturevalue("pg_template"))
    lite = open_database(Path(tmp_path_factory.mktemp("engines")) / "demo.sqlite")
    server = open_database(url)
    for db in (lite, server):
        generate_demo(db, ORGS, seed=SEED)
    yield lite, server
    lite.close()
    server.close()
    cluster.drop_database(url)


def _matching(db: Database, query: str) -> set[str]:
    """Every document the index matches (search() keeps only the first few hundred)."""
    where, q = match_clause(db.dialect, query_words(query))
    with db.engine.connect() as conn:
        found = conn.execute(
            text(
                f"SELECT d.ref_id FROM {FTS} JOIN {DOCS} d ON d.rowid = {FTS}.rowid "
                f"WHERE {where}"
            ),
            {"q": q},
        )
        return {str(r[0]) for r in found}


def _queries(db: Database) -> list[tuple[str, str, str]]:
    """(what, query, ref_id it must find) for a sample of organizations, people and units."""
    rng = random.Random(3)
    with db.engine.connect() as conn:
        orgs = conn.execute(
            text(
                "SELECT o.id, o.name, o.uscc, o.contact_phone, u.label FROM organizations o "
                "JOIN occupancies oc ON oc.organization_id = o.id "
                "JOIN units u ON u.id = oc.unit_id "
                "WHERE o.uscc IS NOT NULL ORDER BY o.id LIMIT 40"
            )
        ).all()
        people = conn.execute(
            text("SELECT id, name, phone FROM people ORDER BY id LIMIT 40")
        ).all()
    queries: list[tuple[str, str, str]] = []
    for oid, name, uscc, phone, room in orgs:
        parts = pinyin_parts(name)
        initials = "".join(p[0] for p in parts)
        start = rng.randrange(len(parts) - 1)
        queries += [
            ("initials", initials[start : start + 3], oid),
            ("full pinyin", "".join(parts[start : start + 2]), oid),
            ("Chinese", name[2:5], oid),
            ("USCC prefix", uscc[: rng.randint(4, 10)], oid),
            ("phone tail", phone[-4:], oid),
            ("phone start", phone[:7], oid),
            ("two words", f"{initials[:2]} {phone[-4:]}", oid),
        ]
        queries.append(("room", room, ""))
    for pid, name, phone in people:
        parts = pinyin_parts(name)
        queries += [
            ("person pinyin", "".join(parts[1:]) or parts[0], pid),
            ("person initials", "".join(p[0] for p in parts), pid),
            ("person name", name, pid),
            ("person phone tail", phone[-4:], pid),
        ]
    return queries


def test_every_kind_of_handle_matches_the_same_documents(pair: tuple[Database, Database]) -> None:
    lite, server = pair
    queries = _queries(lite)
    assert len(queries) > 400
    for what, query, target in queries:
        on_sqlite, on_pg = _matching(lite, query), _matching(server, query)
        assert on_sqlite == on_pg, (what, query)
        assert on_sqlite, (what, query)
        if target:
            assert target in on_sqlite, (what, query)


def test_ranked_results_are_identical(pair: tuple[Database, Database]) -> None:
    """Hits, their order and where they lead, whenever every match is a candidate.

    (A query matching more than search.CANDIDATES documents ranks the engine's first
    few hundred; then only the number of hits and that each matches are the same.)
    """
    lite, server = pair
    queries = [q for _, q, _ in _queries(lite)[::5]] + ["a", "yt", "1", "烟台", "b1", "3a"]
    broad = 0
    for query in queries:
        with lite.reader() as s1, server.reader() as s2:
            on_sqlite, on_pg = search(s1, query), search(s2, query)
        if len(_matching(lite, query)) <= CANDIDATES:
            assert on_sqlite == on_pg, query
        else:
            broad += 1
            matching = _matching(server, query)
            assert len(on_sqlite) == len(on_pg) == 50, query
            assert {h.ref_id for h in on_pg} <= matching, query
    assert 0 < broad < len(queries) / 2


def test_the_two_indexes_hold_the_same_words(pair: tuple[Database, Database]) -> None:
    """FTS5's vocabulary (term → documents) equals the tsvectors' (ts_stat)."""
    lite, server = pair
    with lite.engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {FTS}, row)")
        on_sqlite = dict(conn.exec_driver_sql("SELECT term, doc FROM temp.vocab").all())
    with server.engine.connect() as conn:
        on_pg = dict(
            conn.execute(text(f"SELECT word, ndoc FROM ts_stat('SELECT terms FROM {FTS}')")).all()
        )
    assert len(on_sqlite) > 10_000
    assert on_sqlite == on_pg


def test_index_rows_are_numbered_alike(pair: tuple[Database, Database]) -> None:
    rows = []
    for db in pair:
        with db.engine.connect() as conn:
            rows.append(
                conn.execute(text(f"SELECT rowid, kind, ref_id, title FROM {DOCS} ORDER BY rowid"))
                .all()
            )
    assert rows[0] == rows[1]
    assert len(rows[0]) > 2 * ORGS
