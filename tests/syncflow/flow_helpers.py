"""Three installations (centre and two laptops) driven through the CLI, in temporary folders."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Occupancy, Organization, Team
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
    """One installation; `url` puts its database on the test PostgreSQL server."""

    name: str
    folder: Path
    url: str | None = None

    @property
    def db_path(self) -> Path:
        assert self.url is None, "a PostgreSQL site has no file"
        return self.folder / "yeda.sqlite"

    @property
    def target(self) -> str:
        return self.url or str(self.folder / "yeda.sqlite")

    @property
    def keys(self) -> Path:
        return self.folder / "keys"

    def cli(self, *argv: str, expect: int = 0, officer: str | None = None) -> str:
        head = ["--db", self.target] + (["--officer", officer] if officer else [])
        command, *rest = argv
        uses_keys = command in {"keys", "profile", "enrol", "devices", "export", "baseline",
                                "import", "receipt", "quarantine"}
        return run_cli(*head, command, *rest, *(["--keys", str(self.keys)] if uses_keys else []),
                       expect=expect)

    def open(self) -> Database:
        return open_database(self.target)

    def device_id(self) -> str:
        text = self.cli("role")
        found = re.search(r"device id: (\S+)", text)
        assert found
        return found.group(1)


def edit_row(site: Site, officer: str, model: type[Any], record_id: str, **fields: Any) -> None:
    """One officer's edit of one record on an installation (logged like a GUI edit)."""
    db = site.open()
    try:
        with db.session(officer=officer) as session:
            row = session.get(model, record_id)
            assert row is not None
            for key, value in fields.items():
                setattr(row, key, value)
    finally:
        db.close()


def register_org(site: Site, officer: str, unit_id: str, **fields: Any) -> str:
    """A new organization registered in one unit; its id."""
    db = site.open()
    try:
        with db.session(officer=officer) as session:
            org = Organization(**fields)
            session.add(org)
            session.flush()
            session.add(Occupancy(organization_id=org.id, unit_id=unit_id))
            return org.id
    finally:
        db.close()


def code_of(text: str) -> str:
    found = re.search(r"(?:code|administrator): ([\d ]+)", text)
    assert found, text
    return found.group(1).strip()


def first_value(site: Site, column: Any) -> str:
    """The smallest value of a model's column at `site` (a team's name, a unit's id)."""
    db = site.open()
    try:
        with db.reader() as session:
            return str(session.scalars(select(column).order_by(column)).first())
    finally:
        db.close()


def first_team(site: Site) -> str:
    return first_value(site, Team.name)


@pytest.fixture
def centre_and_laptops(
    tmp_path: Path, centre_url: str | None
) -> Iterator[tuple[Site, Site, Site]]:
    """A demo centre with a profile, and two laptops that imported it (not yet enrolled)."""
    centre, a, b = (Site(n, tmp_path / n) for n in ("centre", "laptop-a", "laptop-b"))
    centre.url = centre_url
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


def enrol_and_approve(centre: Site, laptop: Site, stick: Path, team: str) -> str:
    device = laptop.device_id()
    code = code_of(laptop.cli("enrol", str(stick / f"enrol-{laptop.name}.yeda"), "--team", team,
                              officer=f"{laptop.name}队员"))
    centre.cli("devices", "accept", str(stick / f"enrol-{laptop.name}.yeda"))
    centre.cli("devices", "approve", device, "--code", code)
    return device


def demo_centre(root: Path, orgs: int = 10, *, profile: bool = True) -> tuple[Site, Path]:
    """A demo centre with its keys, and its profile on the stick (`profile`)."""
    centre, stick = Site("centre", root / "centre"), root / "stick"
    centre.folder.mkdir()
    stick.mkdir()
    centre.cli("demo", "--orgs", str(orgs), "--seed", "7")
    centre.cli("role", "--set", "centre", "--name", "业达中心", "--centre-id", "yeda-centre")
    centre.cli("keys")
    if profile:
        centre.cli("profile", "export", str(stick / "profile.yeda"))
    return centre, stick


def new_laptop(folder: Path, name: str = "三组笔记本") -> Site:
    """A laptop set up with its keys, before the centre's profile."""
    laptop = Site("新机", folder)
    laptop.folder.mkdir()
    laptop.cli("init")
    laptop.cli("role", "--set", "laptop", "--name", name)
    laptop.cli("keys")
    return laptop


def team_laptop(centre: Site, folder: Path, stick: Path, team: str) -> Site:
    """A new laptop of `team`: the profile on the stick, enrolled, approved, its baseline in."""
    laptop = new_laptop(folder)
    laptop.cli("profile", "import", str(stick / "profile.yeda"))
    device = enrol_and_approve(centre, laptop, stick, team)
    centre.cli("baseline", str(stick / "base.yeda"), "--team", team, "--device", device)
    laptop.cli("import", str(stick / "base.yeda"))
    return laptop


def build_sites(
    root: Path, laptops: int, orgs: int = 40, centre_url: str | None = None
) -> tuple[Site, list[Site], Path]:
    """A demo centre with a profile and `laptops` approved laptops holding one team's baseline."""
    centre = Site("centre", root / "centre", centre_url)
    sites = [Site(f"laptop{i}", root / f"laptop{i}") for i in range(laptops)]
    stick = root / "stick"
    for site in (centre, *sites):
        site.folder.mkdir(parents=True)
    stick.mkdir()
    centre.cli("demo", "--orgs", str(orgs), "--seed", "7")
    centre.cli("role", "--set", "centre", "--name", "业达中心", "--centre-id", "yeda-centre")
    centre.cli("keys")
    centre.cli("profile", "export", str(stick / "profile.yeda"))
    team = first_team(centre)
    ids = []
    for site in sites:
        site.cli("init")
        site.cli("role", "--set", "laptop", "--name", f"{site.name}机")
        site.cli("keys")
        site.cli("profile", "import", str(stick / "profile.yeda"))
        ids.append(enrol_and_approve(centre, site, stick, team))
    centre.cli("baseline", str(stick / "base.yeda"), "--team", team,
               *[x for i in ids for x in ("--device", i)])
    for site in sites:
        site.cli("import", str(stick / "base.yeda"))
    return centre, sites, stick


def other_centre(root: Path, stick: Path) -> Site:
    """A second zone's centre with its own demo data, keys and profile (`other.yeda`)."""
    site = Site("other", root / "other-centre")
    site.folder.mkdir()
    site.cli("demo", "--orgs", "10", "--seed", "11")
    site.cli("role", "--set", "centre", "--name", "福山中心", "--centre-id", "fushan-centre")
    site.cli("keys")
    site.cli("profile", "export", str(stick / "other.yeda"))
    return site


def snapshot(site: Site) -> str:
    """Every row of every table (either engine), to prove that a refusal wrote nothing."""
    import hashlib

    from sqlalchemy import create_engine, inspect, text

    from yeda_desktop.storage.location import resolve_location

    location = resolve_location(site.target)
    engine = create_engine(location.url or f"sqlite:///{location.path}")
    digest = hashlib.sha256()
    try:
        with engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                digest.update(f"\n{table}\n".encode())
                rows = conn.execute(text(f"SELECT * FROM {table}"))
                for row in sorted(repr(tuple(r)) for r in rows):
                    digest.update(row.encode())
    finally:
        engine.dispose()
    return digest.hexdigest()


def centre_url_for(request: pytest.FixtureRequest) -> str | None:
    """For a fixture parametrized over engines: None (SQLite), or a database on the test
    server that lives as long as the requesting fixture."""
    if request.param == "sqlite":
        return None
    cluster = request.getfixturevalue("pg_cluster")
    url = str(cluster.new_database())
    request.addfinalizer(lambda: cluster.drop_database(url))
    return url


def laptop_window(qtbot: Any, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The main window, shown in Chinese settings of its own, on `site`'s database and keys."""
    from PySide6.QtCore import QSettings

    from yeda_desktop.ui.main_window import MainWindow
    from yeda_desktop.ui.settings import AppSettings

    monkeypatch.setenv("YEDA_KEYS_DIR", str(site.keys))
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.open_database(site.target)
    return window


def import_from_window(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, paths: list[Path]
) -> None:
    """Exchange → Import packages…, as an officer would, with `paths` chosen in the dialog."""
    from yeda_desktop.ui.sync_transfer import ImportDialog

    def import_now(dialog: ImportDialog) -> int:
        with qtbot.waitSignal(dialog.finished_work, timeout=30_000):
            dialog.import_paths(paths)
        return 0

    monkeypatch.setattr(ImportDialog, "exec", import_now)
    action = next(a for a in window.findChildren(type(window.act_open))
                  if a.text().startswith("导入数据包"))
    action.trigger()
