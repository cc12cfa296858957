"""Correcting places from the Sweep menu and the right-click menus of the floor and the
navigator: rename a unit, floor or building, remove a unit or floor added by mistake
(place_fixes says what may go; each an undoable edit)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication as Qca
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QMessageBox, QWidget
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.services import edits

if TYPE_CHECKING:
    from yeda_desktop.ui.main_window import MainWindow


def _run(window: MainWindow, build: Callable[[Session], edits.Edit | None]) -> None:
    """A removal: done at once (Ctrl+Z brings it back), or why not in a message box."""
    ws = window.workspace
    if ws is None:
        return
    try:
        with ws.read() as session:
            edit = build(session)
    except YedaError as exc:
        QMessageBox.warning(window, Qca.translate("PlaceFixing", "Not removed"),
                            ws.error_text(exc))
        return
    ws.do(edit)


def _rename(window: MainWindow, title: str, label: str, current: str,
            build: Callable[[Session, str], edits.Edit | None]) -> None:
    ws = window.workspace
    if ws is None:
        return
    from yeda_desktop.ui.dialogs import RenameDialog

    window._run_dialog(RenameDialog(ws, title, label, current, build, window))


def rename_unit(window: MainWindow) -> None:
    from yeda_desktop.services import place_fixes

    unit = window.floor_view.current_unit()
    if unit is None:
        return
    label = window.floor_view.tiles.tiles[window.floor_view.tiles.row_of(unit)].label
    _rename(window, Qca.translate("PlaceFixing", "Rename unit"),
            Qca.translate("PlaceFixing", "Unit number"), label,
            lambda s, text: place_fixes.rename_unit(s, unit, text))


def remove_unit(window: MainWindow) -> None:
    from yeda_desktop.services import place_fixes

    unit = window.floor_view.current_unit()
    if unit is not None:
        _run(window, lambda s: place_fixes.remove_unit(s, unit))


def rename_floor(window: MainWindow) -> None:
    from yeda_desktop.models import Floor
    from yeda_desktop.services import place_fixes

    floor, ws = window.floor_id, window.workspace
    if floor is None or ws is None:
        return
    with ws.read() as session:
        label = session.get_one(Floor, floor).label
    _rename(window, Qca.translate("PlaceFixing", "Rename floor"),
            Qca.translate("PlaceFixing", "Floor"), label,
            lambda s, text: place_fixes.rename_floor(s, floor, text))


def remove_floor(window: MainWindow) -> None:
    from yeda_desktop.services import place_fixes

    floor = window.floor_id
    if floor is not None:
        _run(window, lambda s: place_fixes.remove_floor(s, floor))


def rename_building(window: MainWindow) -> None:
    from yeda_desktop.services import place_fixes

    building, tree = window.building_id, window.navigator.tree
    if building is None or tree is None:
        return
    _rename(window, Qca.translate("PlaceFixing", "Rename building"),
            Qca.translate("PlaceFixing", "Building name"),
            tree.nodes[building].name,
            lambda s, text: place_fixes.rename_building(s, building, text))


def place_menu(window: MainWindow, parent: QWidget, *, unit: bool) -> QMenu:
    """The corrections for what is shown: the current unit's (`unit`), the floor's and the
    building's."""
    menu = QMenu(parent)
    if unit and window.floor_view.current_unit() is not None:
        menu.addActions([window.act_rename_unit, window.act_remove_unit])
        menu.addSeparator()
    if window.floor_id is not None:
        menu.addActions([window.act_rename_floor, window.act_remove_floor])
    if window.building_id is not None:
        menu.addAction(window.act_rename_building)
    return menu


def menu_at(window: MainWindow, widget: QWidget, pos: QPoint, *, unit: bool) -> None:
    """The right-click menu of the floor (unit, floor, building) or of the navigator's
    floor (floor, building)."""
    menu = place_menu(window, widget, unit=unit)
    if not menu.isEmpty():  # a scroll area's pos is its viewport's
        area = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        menu.exec(area.mapToGlobal(pos))
    menu.deleteLater()
