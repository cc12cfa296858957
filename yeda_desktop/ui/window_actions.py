"""The main window's actions, menus and toolbar, and their keyboard shortcuts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence


def _key(shortcut: str) -> QKeySequence:
    from PySide6.QtGui import QKeySequence

    if shortcut.startswith("std:"):
        return QKeySequence(getattr(QKeySequence.StandardKey, shortcut[4:]))
    return QKeySequence(shortcut)


_ACCESS_KEY = re.compile(r"\(&\w\)|&(?=\w)")  # "(&U)" and "&U": menus only


class WindowActions:
    """MainWindow's part that makes its actions and menus (the slots are the window's)."""

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(self)  # see add_view (window_views)
        action.setText(text)
        # A toolbar button shows no access key: "撤销", not "撤销(U)".
        action.setIconText(_ACCESS_KEY.sub("", text))
        if shortcut is not None:
            self._set_shortcut(action, shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_shortcut(self, action: QAction, shortcut: str) -> None:
        """Give `action` its key ("Ctrl+J", or "std:Open" for QKeySequence.StandardKey.Open)
        now, or (before the views are built) once they are.

        Setting a key loads all of the Qt namespace's enums, and QKeySequence its own: the
        first frame need not wait for them, as until the database is open only Open and
        Quit are enabled.
        """
        if self._shortcuts is None:
            action.setShortcut(_key(shortcut))
        else:
            self._shortcuts.append((action, shortcut))

    def _apply_shortcuts(self) -> None:
        waiting, self._shortcuts = self._shortcuts or [], None
        for action, shortcut in waiting:
            action.setShortcut(_key(shortcut))

    def _build_actions(self) -> None:
        self.act_open = self._action(self.tr("&Open database…"), self.choose_database, "std:Open")
        self.act_officer = self._action(self.tr("Officer and &language…"), self.edit_officer)
        self.act_quit = self._action(self.tr("&Quit"), self.close, "std:Quit")
        self.act_undo = self._action(self.tr("&Undo"), self._undo, "std:Undo")
        self.act_redo = self._action(self.tr("&Redo"), self._redo, "std:Redo")
        self.act_find = self._action(self.tr("&Find…"), self.focus_search, "std:Find")
        self.act_building = self._action(
            self.tr("Add &building…"), self.add_building, "Ctrl+Shift+B"
        )
        self.act_cluster = self._action(self.tr("Add &cluster (park, building group)…"),
                                        self.add_cluster)
        self.act_floor = self._action(self.tr("Add &floor…"), self.add_floor, "Ctrl+Shift+L")
        self.act_units = self._action(self.tr("Add uni&ts…"), self.add_units, "Ctrl+Shift+U")
        self.act_rename_unit = self._action(self.tr("Re&name unit…"),
                                            lambda: self._fix_place("rename_unit"))
        self.act_remove_unit = self._action(self.tr("Remove unit added by mistake"),
                                            lambda: self._fix_place("remove_unit"))
        self.act_rename_floor = self._action(self.tr("Rename floor…"),
                                             lambda: self._fix_place("rename_floor"))
        self.act_remove_floor = self._action(self.tr("Remove floor added by mistake"),
                                             lambda: self._fix_place("remove_floor"))
        self.act_rename_building = self._action(self.tr("Rename building…"),
                                                lambda: self._fix_place("rename_building"))
        self.act_prev = self._action(
            self.tr("&Previous floor (down)"), lambda: self.step_floor(+1), "Ctrl+PgDown"
        )
        self.act_next = self._action(
            self.tr("&Next floor (up)"), lambda: self.step_floor(-1), "Ctrl+PgUp"
        )
        self.act_unvisited = self._action(
            self.tr("Next &unvisited unit"), self.next_unvisited, "Ctrl+J"
        )
        self.act_register = self._action(
            self.tr("&Register organization"), self.focus_register, "Ctrl+Shift+N"
        )
        self.act_attach = self._action(
            self.tr("&Attach existing organization…"), self.attach_existing, "Ctrl+Shift+A"
        )
        self.act_member = self._action(self.tr("Add &member"), self.focus_member, "Ctrl+M")
        self.act_parties = self._action(self.tr("Party &organizations…"),
                                        self.show_party_list)
        self.act_import_xlsx = self._action(self.tr("Import from &Excel…"), self.import_xlsx)
        self.act_about = self._action(self.tr("&About YEDA Desktop"), self.about)

    def _install_place_menus(self) -> None:
        """Right-click on the floor's tiles or a floor in the navigator: 更正位置's entries."""
        from PySide6.QtCore import Qt

        for widget in (self.floor_view, self.navigator):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.floor_view.customContextMenuRequested.connect(
            lambda pos: self._place_menu(self.floor_view, pos))
        self.navigator.customContextMenuRequested.connect(
            lambda pos: self._place_menu(self.navigator, pos))

    def _place_menu(self, widget: Any, pos: Any) -> None:
        from yeda_desktop.ui import place_fixing
        from yeda_desktop.ui.navigator import BUILDING, ID, KIND

        if self.workspace is None:
            return
        if widget is self.navigator:
            index = widget.indexAt(pos)
            if not index.isValid() or index.data(KIND) != "floor":
                return
            self.show_floor(index.data(BUILDING), index.data(ID))
        else:
            index = widget.indexAt(pos)
            if index.isValid():
                widget.setCurrentIndex(index)
        place_fixing.menu_at(self, widget, pos, unit=widget is self.floor_view)

    def _fix_place(self, what: str) -> None:
        """Sweep → 更正位置 (and the right-click menus): loaded when first used."""
        from yeda_desktop.ui import place_fixing

        getattr(place_fixing, what)(self)

    def _add_outcome_actions(self) -> None:
        """Ctrl+1…4: record a visit's outcome (the Sweep menu, above Register)."""
        from yeda_desktop.models.enums import VisitOutcome

        for n, outcome in enumerate(VisitOutcome, start=1):
            self.outcome_actions[outcome] = self._action(
                self.detail.outcome_buttons[outcome].text().rsplit(" (", 1)[0],
                lambda _=False, o=outcome: self.detail.record_outcome(o),
                f"Ctrl+{n}",
            )
        self.sweep_menu.insertActions(self._outcomes_end, list(self.outcome_actions.values()))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_open, self.act_officer])
        file_menu.addSeparator()
        file_menu.addAction(self.act_import_xlsx)
        from yeda_desktop.ui.workbook_export import ExcelMenu  # File → Export to Excel

        self.excel_menu = file_menu.addMenu(ExcelMenu(self))
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.act_undo, self.act_redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        sweep_menu = bar.addMenu(self.tr("&Sweep"))
        sweep_menu.addActions([self.act_cluster, self.act_building, self.act_floor,
                               self.act_units])
        fixes = sweep_menu.addMenu(self.tr("Correct p&laces"))
        fixes.addActions([self.act_rename_unit, self.act_remove_unit])
        fixes.addSeparator()
        fixes.addActions([self.act_rename_floor, self.act_remove_floor])
        fixes.addSeparator()
        fixes.addAction(self.act_rename_building)
        self.fixes_menu = fixes
        sweep_menu.addSeparator()
        sweep_menu.addActions([self.act_next, self.act_prev, self.act_unvisited])
        sweep_menu.addSeparator()
        self._outcomes_end = sweep_menu.addSeparator()  # the outcome actions go above it
        sweep_menu.addActions([self.act_register, self.act_attach, self.act_member])
        sweep_menu.addSeparator()
        sweep_menu.addAction(self.act_parties)
        self.sweep_menu = sweep_menu
        self.view_menu = bar.addMenu(self.tr("&View"))
        from yeda_desktop.ui import print_actions  # the Print menu (forms, preview, batch)

        self.printing = print_actions.install(self)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        tools = self.addToolBar(self.tr("Sweep"))
        tools.setObjectName("sweep-toolbar")
        tools.addWidget(self.search)  # first, so a narrow window never hides it
        tools.addSeparator()
        tools.addActions([self.act_undo, self.act_redo])
        tools.addSeparator()
        tools.addActions([self.act_units, self.act_next, self.act_prev, self.act_unvisited])
        self.search.setMinimumWidth(300)

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.act_undo,
            self.act_redo,
            self.act_find,
            self.act_cluster,
            self.act_building,
            self.act_floor,
            self.act_units,
            self.fixes_menu,
            self.act_prev,
            self.act_next,
            self.act_unvisited,
            self.act_register,
            self.act_attach,
            self.act_member,
            self.act_parties,
            self.excel_menu,
            *self.outcome_actions.values(),
        ):
            action.setEnabled(enabled)
        self.search.setEnabled(enabled)
