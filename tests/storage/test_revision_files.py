"""The cheap head/known revisions read at open agree with alembic's own script directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage import migrate


def test_head_and_known_revisions_match_alembic() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in scripts.walk_revisions()}


def test_current_revision_reads_the_version_table(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'v.sqlite'}")
    with engine.begin() as conn:
        assert migrate.current_revision(conn) is None
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        assert migrate.current_revision(conn) is None
        conn.execute(text("INSERT INTO alembic_version VALUES ('0002_ledger')"))
        assert migrate.current_revision(conn) == "0002_ledger"
        conn.execute(text("INSERT INTO alembic_version VALUES ('0003_search')"))
        with pytest.raises(DatabaseError):
            migrate.current_revision(conn)
    engine.dispose()
