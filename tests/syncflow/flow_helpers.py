"""Three installations (centre and two laptops) driven through the CLI, in temporary folders."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Team
from yeda_desktop.storage import Database, open_database


def run_cli(*argv: str, expect: int = 0) -> str:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in argv])
    text = out.getvalue() + err.getvalue()
    assert code == expect, text
    return text


@dataclass
class Site:
    name: str
    folder: Path

    @property
    def db_path(self) -> Path:
        return self.folder / "yeda.sqlite"

    @property
    def keys(self) -> Path:
        return self.folder / "keys"

    def cli(self, *argv: str, expect: int = 0, officer: str | None = None) -> str:
        head = ["--db", str(self.db_path)] + (["--officer", officer] if officer else [])
        command, *rest = argv
        uses_keys = command in {"keys", "profile", "enrol", "devices", "export", "baseline",
                                "import", "receipt", "quarantine"}
        return run_cli(*head, command, *rest, *(["--keys", str(self.keys)] if uses_keys else []),
                       expect=expect)

    def open(self) -> Database:
        return open_database(self.db_path)

    def device_id(self) -> str:
        text = self.cli("role")
        found = re.search(r"device id: (\S+)", text)
        assert found
        return found.group(1)


def code_of(text: str) -> str:
    found = re.search(r"(?:code|administrator): ([\d ]+)", text)
    assert found, text
    return found.group(1).strip()


def first_team(site: Site) -> str:
    db = site.open()
    try:
        with db.reader() as session:
            return str(session.scalars(select(Team.name).order_by(Team.name)).first())
    finally:
        db.close()


@pytest.fixture
def centre_and_laptops(tmp_path: Path) -> Iterator[tuple[Site, Site, Site]]:
    """A demo centre with a profile, and two laptops that imported it (not yet enrolled)."""
    centre, a, b = (Site(n, tmp_path / n) for n in ("centre", "laptop-a", "laptop-b"))
    for site in (centre, a, b):
        site.folder.mkdir()
    centre.cli("demo", "--orgs", "60", "--seed", "3")
    centre.cli("role", "--set", "centre", "--name", "业达中心", "--centre-id", "yeda-centre")
    centre.cli("keys")
    stick = tmp_path / "stick"
    stick.mkdir()
    centre.cli("profile", "export", str(stick / "profile.yeda"))
    for site, name in ((a, "一组笔记本"), (b, "二组笔记本")):
        site.cli("init")
        site.cli("role", "--set", "laptop", "--name", name)
        site.cli("keys")
        site.cli("profile", "import", str(stick / "profile.yeda"))
    yield centre, a, b
