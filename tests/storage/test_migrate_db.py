"""`yeda migrate-db`: a centre moves from its SQLite file to PostgreSQL with nothing lost."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sqlalchemy import text

from yeda_desktop.cli.main import main
from yeda_desktop.models import Base, Organization
from yeda_desktop.services.search import search
from yeda_desktop.storage import Database, open_database
from yeda_desktop.syncflow.records import canonical, table_by_name


def _cli(*argv: str, expect: int = 0) -> str:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main(list(argv))
    assert code == expect, out.getvalue()
    return out.getvalue()


def _rows(db: Database) -> dict[str, list[str]]:
    """Every row of every model table, spelled alike on both engines."""
    found: dict[str, list[str]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c.name for c in table.columns]
            rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table.name}"))
            spelled = []
            for row in rows:
                values = dict(zip(cols, row, strict=True))
                if table.name in table_by_name():
                    values = canonical(table.name, values)
                spelled.append(repr(sorted((k, str(v)) for k, v in values.items())))
            found[table.name] = sorted(spelled)
    return found


@pytest.fixture
def centre_file(tmp_path: Path) -> Path:
    """A demo zone with a change log and an installation, as a zone centre's file holds."""
    path = tmp_path / "centre.sqlite"
    _cli("--db", str(path), "demo", "--orgs", "40", "--seed", "5")
    _cli("--db", str(path), "role", "--set", "centre", "--name", "业达中心",
         "--centre-id", "yeda-centre")
    db = open_database(path)
    with db.session(officer="管理员") as session:
        org = session.query(Organization).order_by(Organization.id).first()
        assert org is not None
        org.staff_count = 321
        org.name = "烟台迁移测试科技有限公司"
    db.close()
    return path


def test_everything_arrives_and_the_server_carries_on(centre_file: Path, empty_pg_url: str) -> None:
    out = _cli("migrate-db", "--from", str(centre_file), "--to", empty_pg_url, "--quiet")
    assert "every table's count checked" in out

    source, target = open_database(centre_file), open_database(empty_pg_url)
    try:
        before, after = _rows(source), _rows(target)
        assert before.keys() == after.keys()
        for name in before:
            assert after[name] == before[name], name
        assert before["change_log"] and before["app_state"]
        # The moved centre works: search finds by pinyin, a new edit continues the log.
        with target.reader() as session:
            assert any(h.title == "烟台迁移测试科技有限公司" for h in search(session, "qianyi"))
        with target.session(officer="管理员") as session:
            session.add(Organization(name="烟台迁移之后有限公司", staff_count=3))
        with target.engine.connect() as conn:
            seqs = conn.execute(text("SELECT max(seq), count(*) FROM change_log")).one()
        assert seqs[0] > len(before["change_log"]) - 1 and seqs[1] > len(before["change_log"])
    finally:
        source.close()
        target.close()
    assert "all checks passed" in _cli("--db", empty_pg_url, "check")


def test_a_database_in_use_is_never_overwritten(centre_file: Path, pg_url: str) -> None:
    db = open_database(pg_url)
    with db.session() as session:
        session.add(Organization(name="已在使用的中心有限公司"))
    db.close()
    out = _cli("migrate-db", "--from", str(centre_file), "--to", pg_url, expect=2)
    assert "empty database" in out
    db = open_database(pg_url)
    with db.reader() as session:
        assert [o.name for o in session.query(Organization)] == ["已在使用的中心有限公司"]
    db.close()


def test_wrong_directions_are_refused_with_the_usage(tmp_path: Path) -> None:
    out = _cli("migrate-db", "--from", str(tmp_path / "a.sqlite"), "--to",
               str(tmp_path / "b.sqlite"), expect=2)
    assert "usage: yeda migrate-db" in out
