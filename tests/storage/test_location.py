"""`--db` takes a file or a PostgreSQL URL; messages never show a password."""

from __future__ import annotations

from pathlib import Path

import pytest

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage import open_database
from yeda_desktop.storage.location import is_server_url, resolve_location


def test_a_path_is_a_file_and_a_url_is_a_server(tmp_path: Path) -> None:
    assert resolve_location(str(tmp_path / "zone.sqlite")).path == tmp_path / "zone.sqlite"
    for url in ("postgresql://u@h/yeda", "postgres://u@h/yeda", "postgresql+psycopg://u@h/y"):
        assert is_server_url(url)
        location = resolve_location(url)
        assert location.is_server and location.url is not None
        assert location.url.drivername == "postgresql+psycopg"


def test_the_environment_variable_may_name_a_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YEDA_DB", "postgresql://centre@dbhost/yeda_city")
    location = resolve_location(None)
    assert location.is_server and location.url is not None
    assert location.url.database == "yeda_city"


def test_a_password_never_reaches_a_message() -> None:
    location = resolve_location("postgresql://admin:s3cret@dbhost/yeda")
    assert "s3cret" not in location.display and "***" in location.display


@pytest.mark.parametrize(
    ("url", "words"),
    [("mysql://u@h/db", "不支持的数据库类型"), ("postgresql://u@h", "缺少数据库名")],
)
def test_other_servers_and_incomplete_urls_are_refused(url: str, words: str) -> None:
    with pytest.raises(DatabaseError) as err:
        open_database(url)
    assert words in err.value.zh


def test_a_server_database_gets_its_own_local_work_folder(pg_url: str) -> None:
    """Quarantined and spooled packages need a folder; a server has no file to sit beside."""
    db = open_database(pg_url)
    try:
        assert db.work_dir.is_dir()
        assert db.is_server and db.changed_since_open() is False
        with pytest.raises(DatabaseError, match="没有本地文件"):
            _ = db.path
    finally:
        db.close()


def test_names_for_the_status_bar_and_for_reopening(tmp_path: Path) -> None:
    db = open_database(tmp_path / "zone.sqlite")
    db.close()
    assert (db.name, db.target) == ("zone.sqlite", str(tmp_path / "zone.sqlite"))


def test_a_server_database_reopens_from_its_target(pg_url: str) -> None:
    db = open_database(pg_url)
    db.close()
    again = open_database(db.target)
    again.close()
    assert again.name.startswith(str(db.location.url.database if db.location.url else ""))
