"""An officer's afternoon, driven through the real main window (offscreen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.ui.detail_pane import DetailPane
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.navigator import ID, KIND
from yeda_desktop.ui.settings import AppSettings


def _open(qtbot: QtBot, settings: AppSettings, path: Path) -> MainWindow:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.open_database(str(path))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _type_chinese(widget: QWidget, text: str) -> None:
    """What an input method does when the officer picks the characters: commit them."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, mods: object = None) -> None:
    """A key press as the window system delivers it, so shortcuts work as for the officer."""
    modifiers = mods if mods is not None else Qt.KeyboardModifier.NoModifier
    if (
        QApplication.activeWindow() is not window
    ):  # offscreen, closing a dialog does not give it back
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.windowHandle(), key, modifiers)  # type: ignore[arg-type]


def _answer_dialog(qtbot: QtBot, fill: Callable[[QDialog], None]) -> None:
    """Fill in the next modal dialog with the keyboard and press Enter."""

    def answer(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.focusWidget() is None:
            # A loaded machine may open the dialog later than the first look, and the
            # window system activates it (giving it focus) a moment later: look again.
            assert tries < 400, "expected a dialog within 10 s"
            QTimer.singleShot(25, lambda: answer(tries + 1))
            return
        fill(dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(25, answer)


def _click_tree_row(qtbot: QtBot, window: MainWindow, kind: str, text: str) -> str:
    model = window.navigator.model_
    found = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        text,
        1,
        Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
    )
    assert found and found[0].data(KIND) == kind, f"{text} not in the navigator"
    rect = window.navigator.visualRect(found[0])
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return str(found[0].data(ID))


def _assert_both_flags_shown(detail: DetailPane) -> None:
    """Both sweep rules fire and their plain Chinese words are on screen."""
    fired = {f.rule_id: f for f in detail.findings}
    assert {"no_party_member", "no_party_org"} <= set(fired)
    for rule in ("no_party_member", "no_party_org"):
        assert fired[rule].zh.startswith("职工 120 人")
        assert fired[rule].zh in detail.flags.text()


def _tile_texts(window: MainWindow) -> list[tuple[str, tuple[str, ...], int]]:
    return [(t.label, t.org_names, t.gaps) for t in window.floor_view.tiles.tiles]


def test_officer_registers_a_big_organization_then_undoes_redoes_and_reopens(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, empty_zone: Path
) -> None:
    window = _open(qtbot, settings, empty_zone)

    def building(dialog: QDialog) -> None:
        _type_chinese(dialog.findChildren(QLineEdit)[0], "创业大厦")
        above = dialog.findChildren(QSpinBox)[0]
        above.setFocus()
        above.selectAll()
        qtbot.keyClicks(above, "5")

    _answer_dialog(qtbot, building)
    window.act_building.trigger()
    _click_tree_row(qtbot, window, "building", "创业大厦")
    _click_tree_row(qtbot, window, "floor", "3层")
    assert window.floor_heading.text().startswith("创业大厦 · 3层")

    _answer_dialog(qtbot, lambda d: qtbot.keyClicks(d.findChildren(QLineEdit)[0], "301-305"))
    _press(
        qtbot,
        window,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [label for label, _, _ in _tile_texts(window)] == ["301", "302", "303", "304", "305"]

    # The first unit is selected; register its organization by keyboard.
    detail = window.detail
    _press(
        qtbot,
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _type_chinese(detail.new_name.edit, "烟")  # too short: refused at the field, in Chinese
    qtbot.keyClick(detail.new_name.edit, Qt.Key.Key_Return)
    assert (
        "单位名称：至少2个字" in detail.new_name.error.text()
        or "至少2个字" in detail.new_name.error.text()
    )
    _type_chinese(detail.new_name.edit, "台华盛科技有限公司")
    qtbot.keyClick(detail.new_name.edit, Qt.Key.Key_Return)
    assert detail.pages.currentIndex() == 1
    assert detail.fields["name"].edit.text() == "烟台华盛科技有限公司"

    staff = detail.fields["staff_count"].edit
    staff.setFocus()
    qtbot.keyClicks(staff, "12x")
    qtbot.keyClick(staff, Qt.Key.Key_Tab)
    assert "应为整数" in detail.fields["staff_count"].error.text()
    staff.setFocus()
    qtbot.keyClick(staff, Qt.Key.Key_Backspace)
    qtbot.keyClicks(staff, "0")
    _assert_both_flags_shown(detail)  # live, before saving
    qtbot.keyClick(staff, Qt.Key.Key_Tab)  # accepted and saved at once
    assert detail.fields["staff_count"].error.isHidden()
    assert _tile_texts(window)[0][1] == ("烟台华盛科技有限公司",)
    assert _tile_texts(window)[0][2] >= 2  # the gap badge

    window.floor_view.setFocus()  # in a text field, Ctrl+Z undoes typing, as everywhere
    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert detail.fields["staff_count"].edit.text() == ""
    assert not {"no_party_member", "no_party_org"} & {f.rule_id for f in detail.findings}
    window.act_redo.trigger()
    assert detail.fields["staff_count"].edit.text() == "120"
    _assert_both_flags_shown(detail)
    window.close()

    db = open_database(empty_zone)
    with db.reader() as s:
        org = s.scalars(select(Organization)).one()
        assert (org.name, org.staff_count) == ("烟台华盛科技有限公司", 120)
    db.close()

    again = _open(qtbot, settings, empty_zone)
    assert again.floor_heading.text().startswith("创业大厦 · 3层")  # last floor restored
    assert _tile_texts(again)[0][:2] == ("301", ("烟台华盛科技有限公司",))
    assert again.detail.fields["staff_count"].edit.text() == "120"
    _assert_both_flags_shown(again.detail)

    # Search by pinyin initials from another floor, and go there with Enter.
    _click_tree_row(qtbot, again, "floor", "1层")
    _press(qtbot, again, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert again.search.hasFocus()
    qtbot.keyClicks(again.search, "yths")
    assert again.search.hits and again.search.hits[0].title == "烟台华盛科技有限公司"
    qtbot.keyClick(again.search, Qt.Key.Key_Return)
    assert again.floor_heading.text().startswith("创业大厦 · 3层")
    assert again.detail.heading.text() == "创业大厦 3层 301室"
    again.close()


def test_next_unvisited_and_floor_keys(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings, empty_zone: Path
) -> None:
    window = _open(qtbot, settings, empty_zone)

    def building(dialog: QDialog) -> None:
        _type_chinese(dialog.findChildren(QLineEdit)[0], "衡山路商务楼")

    _answer_dialog(qtbot, building)
    window.act_building.trigger()
    _click_tree_row(qtbot, window, "building", "衡山路商务楼")
    _click_tree_row(qtbot, window, "floor", "1层")
    _answer_dialog(qtbot, lambda d: qtbot.keyClicks(d.findChildren(QLineEdit)[0], "A01-A03"))
    window.act_units.trigger()
    _press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # vacant
    assert window.floor_view.tiles.tiles[0].status is not None
    _press(qtbot, window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.heading.text().endswith("A02室")
    _press(qtbot, window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.floor_heading.text().startswith("衡山路商务楼 · 2层")
    window.close()
