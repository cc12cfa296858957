"""The member entry row belongs to the organization shown: typing never follows the officer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from yeda_desktop.models import Organization, Person
from yeda_desktop.storage import Database, open_database
from yeda_desktop.ui.member_table import MemberPanel
from yeda_desktop.ui.workspace import Workspace

BAD_ID = "370602199001011234"  # wrong check digit


def _demo_panel(qtbot: QtBot, tmp_path: Path) -> tuple[Database, Workspace, MemberPanel,
                                                         list[str]]:
    """A three-organization demo, a workspace on it, a shown member panel, the
    organizations' ids by name."""
    from yeda_desktop.demo import generate_demo

    db = open_database(tmp_path / "demo.sqlite")
    generate_demo(db, 3, 1)
    with db.reader() as s:
        orgs = list(s.scalars(select(Organization.id).order_by(Organization.name)))
    workspace = Workspace(db, "测试", "", "zh")
    panel = MemberPanel()
    qtbot.addWidget(panel)
    panel.show()
    return db, workspace, panel, orgs


def test_half_typed_person_does_not_follow_to_the_next_organization(
    qtbot: QtBot, zh_app: QApplication, tmp_path: Path
) -> None:
    db, workspace, panel, (first, second, *_) = _demo_panel(qtbot, tmp_path)
    with db.reader() as s:
        before = s.scalar(select(func.count()).select_from(Person)
                          .where(Person.organization_id == second))
    panel.load(workspace, first)
    entry = panel.entry
    entry.name.setText("欧阳建国")  # (an input method commits Chinese; QtTest types ASCII)
    qtbot.keyClicks(entry.id_number, BAD_ID)
    entry.party_status.setCurrentIndex(1)
    entry.submit()  # refused: the reason names the field
    assert "身份证号" in entry.error.text()

    panel.load(workspace, first)  # the same organization refreshed (after any edit): kept
    assert entry.name.text() == "欧阳建国" and "身份证号" in entry.error.text()

    panel.load(workspace, second)  # the officer moves on
    assert [entry.name.text(), entry.id_number.text(), entry.phone.text()] == ["", "", ""]
    assert entry.party_status.currentIndex() == 0 and entry.error.text() == ""
    assert entry.id_number.styleSheet() == ""
    entry.submit()  # Enter on the empty row adds nobody to the second organization
    with db.reader() as s:
        after = s.scalar(select(func.count()).select_from(Person)
                         .where(Person.organization_id == second))
    assert after == before
    db.close()


def test_entry_row_fits_an_id_number_and_says_what_its_choices_are(
    qtbot: QtBot, zh_app: QApplication
) -> None:
    panel = MemberPanel()
    qtbot.addWidget(panel)
    panel.show()
    entry = panel.entry
    metrics = entry.id_number.fontMetrics()
    assert entry.id_number.width() >= metrics.horizontalAdvance("370602199001011234")
    assert [entry.gender.toolTip(), entry.party_status.toolTip(), entry.relation.toolTip()] \
        == [panel.model.headers()[1], panel.model.headers()[4], panel.model.headers()[5]]
    assert entry.gender.toolTip() == "性别"


def test_the_member_table_masks_an_id_number_as_the_roster_does(qapp: QApplication) -> None:
    """The table had its own masking, which showed a short stored value whole."""
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    from yeda_desktop.id_masking import mask_id_number
    from yeda_desktop.ui.member_table import COLUMNS, MemberModel

    model = MemberModel()
    ids = ["370602198805061234", "1234567890"]  # the second refused by Person's validator now
    model.people = [SimpleNamespace(id_number=i) for i in ids]
    column = COLUMNS.index("id_number")
    shown = [model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
             for row in range(2)]
    assert shown == ["370602********1234", "******7890"] == [mask_id_number(i) for i in ids]


def test_a_member_s_join_date_is_typed_as_people_write_it(
    qtbot: QtBot, zh_app: QApplication, tmp_path: Path
) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    db, workspace, panel, (org, *_) = _demo_panel(qtbot, tmp_path)
    panel.load(workspace, org)
    workspace.changed.connect(lambda _edit: panel.load(workspace, org))
    entry = panel.entry
    entry.name.setText("欧阳建国")
    entry.party_status.setCurrentIndex(entry.party_status.findData("full"))
    qtbot.keyClicks(entry.join_date, "2020-13-01")
    entry.submit()
    assert entry.error.text() == "入党日期：日期格式应为2020-07-01"
    assert entry.join_date.styleSheet() != ""  # the field is marked
    entry.join_date.clear()
    qtbot.keyClicks(entry.join_date, "2020/7/1")
    entry.submit()
    assert entry.error.text() == "" and entry.join_date.text() == ""
    row = next(n for n, p in enumerate(panel.model.people) if p.name == "欧阳建国")
    column = panel.model.headers().index("入党日期")
    cell = panel.model.index(row, column)
    assert cell.data() == "2020-07-01"
    assert not panel.model.setData(cell, "2999-01-01", Qt.ItemDataRole.EditRole)
    assert panel.refusal.text() == "入党日期：不能晚于今天"
    assert panel.model.setData(cell, "", Qt.ItemDataRole.EditRole)  # cleared: not known
    with db.reader() as s:
        assert s.scalar(select(Person.join_date).where(Person.name == "欧阳建国")) is None
    assert panel.model.setData(cell, "2019年5月4日", Qt.ItemDataRole.EditRole)
    with db.reader() as s:
        assert s.scalar(select(Person.join_date).where(Person.name == "欧阳建国")) == date(
            2019, 5, 4)
    db.close()


def test_a_person_s_role_is_chosen_in_the_table_and_undone(
    qtbot: QtBot, zh_app: QApplication, tmp_path: Path
) -> None:
    """人员类别 (职工, 法定代表人, 联系人, 党务工作者) travelled in every batch and was
    shown and set nowhere: a person added is staff; the table's drop-down changes it."""
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    from yeda_desktop.models.enums import PersonRole

    db, workspace, panel, (org, *_) = _demo_panel(qtbot, tmp_path)
    panel.load(workspace, org)
    workspace.changed.connect(lambda _edit: panel.load(workspace, org))
    panel.entry.name.setText("欧阳建国")
    panel.entry.submit()
    row = next(n for n, p in enumerate(panel.model.people) if p.name == "欧阳建国")
    column = panel.model.headers().index("人员类别")
    cell = panel.model.index(row, column)
    assert cell.data() == "职工"
    editor = panel.table.itemDelegate().createEditor(panel.table.viewport(),
                                                     QStyleOptionViewItem(), cell)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "职工", "法定代表人", "联系人", "党务工作者"]
    editor.setCurrentIndex(editor.findData(PersonRole.PARTY_WORKER))
    panel.table.itemDelegate().setModelData(editor, panel.model, cell)
    assert panel.model.index(row, column).data() == "党务工作者"
    with db.reader() as s:
        assert s.scalar(select(Person.role).where(Person.name == "欧阳建国")) \
            is PersonRole.PARTY_WORKER
    workspace.undo_stack.undo()
    with db.reader() as s:
        assert s.scalar(select(Person.role).where(Person.name == "欧阳建国")) is PersonRole.STAFF
    db.close()
