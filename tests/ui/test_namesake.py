"""Registering a name that is already registered asks first: attach it, or a new one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Campaign, Occupancy, Organization, Unit
from yeda_desktop.services import namesakes, sweep
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui import namesake_question
from yeda_desktop.ui.detail_pane import DetailPane
from yeda_desktop.ui.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path) -> Database:
    from yeda_desktop.demo import generate_demo

    db = open_database(tmp_path / "demo.sqlite")
    generate_demo(db, 10, 1)
    return db


def _setting(db: Database) -> tuple[str, str, str, str]:
    """An organization, its unit and an empty unit."""
    with db.reader() as s:
        org_id, name, unit_id = s.execute(
            select(Organization.id, Organization.name, Occupancy.unit_id)
            .join(Occupancy, Occupancy.organization_id == Organization.id).limit(1)).one()
        empty = s.scalars(select(Unit.id).where(
            Unit.id.not_in(select(Occupancy.unit_id)))).first()
    assert empty is not None
    return org_id, name, unit_id, empty


def _orgs(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Organization)) or 0)


def test_namesakes_are_found_with_where_they_are(demo: Database) -> None:
    org_id, name, unit_id, _empty = _setting(demo)
    with demo.reader() as s:
        found = namesakes.namesakes(s, f"  {name} ")  # as it would be stored
        assert [n.organization_id for n in found] == [org_id]
        assert found[0].place is not None and found[0].place.unit_id == unit_id
        assert found[0].where_zh().endswith("室")
        place = found[0].place
        # its cluster first: a zone has several buildings of one name
        assert found[0].where_zh().startswith(f"{place.cluster_name} {place.building_name} ")
        assert namesakes.namesakes(s, "从未登记过的单位有限公司") == []
        with pytest.raises(ValidationError):
            namesakes.namesakes(s, "华")
    demo.close()


@pytest.mark.parametrize("answer", ["attach", "new", "cancel"])
def test_register_the_same_name_in_another_unit_asks_first(
    qtbot: QtBot, zh_app: QApplication, demo: Database, answer: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org_id, name, _unit, empty = _setting(demo)
    with demo.reader() as s:
        campaign = s.scalars(select(Campaign.id).where(Campaign.is_current)).one()
    before = _orgs(demo)
    asked: list[list[namesakes.Namesake]] = []

    def ask(_parent: object, _ws: object, twins: list[namesakes.Namesake]) -> object:
        asked.append(twins)
        return {"attach": twins[0], "new": namesake_question.NEW, "cancel": None}[answer]

    monkeypatch.setattr(namesake_question, "ask", ask)
    ws = Workspace(demo, "测试", campaign, "zh")
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_unit(ws, empty)
    pane.new_name.edit.setText(name)
    pane.register_new()
    assert [t.organization_id for t in asked[0]] == [org_id]
    with demo.reader() as s:
        here = [o.id for o in sweep.organizations_in_unit(s, empty)]
    if answer == "attach":
        assert here == [org_id] and _orgs(demo) == before  # one organization, two units
    elif answer == "new":
        assert len(here) == 1 and here[0] != org_id and _orgs(demo) == before + 1
    else:
        assert here == [] and _orgs(demo) == before
        assert pane.new_name.edit.text() == name  # kept for the officer to change
    demo.close()


def test_the_question_names_the_place_and_attaching_is_the_default(
    qtbot: QtBot, zh_app: QApplication, demo: Database
) -> None:
    _org, name, _unit, _empty = _setting(demo)
    with demo.reader() as s:
        twins = namesakes.namesakes(s, name)
    box = namesake_question.question(None, Workspace(demo, "测试", "", "zh"), twins)
    qtbot.addWidget(box)
    assert twins[0].where_zh() in box.text() and "重复统计" in box.text()
    default = box.defaultButton()
    assert default is not None and default.text() == "关联该单位"
    assert box.buttonRole(default) == QMessageBox.ButtonRole.AcceptRole
    demo.close()


def test_the_same_name_again_in_its_own_unit_is_asked_about_too(
    qtbot: QtBot, zh_app: QApplication, demo: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    org_id, name, unit_id, _empty = _setting(demo)
    with demo.reader() as s:
        campaign = s.scalars(select(Campaign.id).where(Campaign.is_current)).one()
    before = _orgs(demo)
    asked: list[str] = []
    monkeypatch.setattr(namesake_question, "ask",
                        lambda _p, _w, twins: asked.append(twins[0].organization_id))
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_unit(Workspace(demo, "测试", campaign, "zh"), unit_id)
    pane.new_name.edit.setText(name)
    pane.register_new()  # cancelled (the stand-in answers None): nothing registered
    assert asked == [org_id] and _orgs(demo) == before
    demo.close()
