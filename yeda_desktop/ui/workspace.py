"""The open database as the GUI sees it: who is working, which campaign, and one signal per edit.

Every accepted edit is committed at once through `Database.session()` (so the
change log and search index follow) and pushed on the undo stack; views
refresh from `changed`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.services import edits, sweep
from yeda_desktop.storage import Database


class Workspace(QObject):
    """Signals: `changed(Edit)` after every applied edit, undo or redo; `failed(str)` on refusal."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(
        self, db: Database, officer: str, campaign_id: str, lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.officer = officer
        self.campaign_id = campaign_id
        self.lang = lang
        self.team_id: str | None = None  # recorded on visits: the officer's team, if it exists
        self.undo_stack = QUndoStack(self)

    def set_team(self, name: str) -> None:
        """Take the team named in the settings, if the current campaign has one of that name."""
        with self.read() as session:
            self.team_id = sweep.team_of(session, self.campaign_id, name)

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self.db.reader()
        try:
            yield session
        finally:
            session.close()

    def text(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def error_text(self, exc: YedaError) -> str:
        return exc.message(self.lang)

    def do(self, edit: edits.Edit | None) -> None:
        """Apply the edit now and make it undoable (None: nothing to do)."""
        if edit is not None and edit.steps:
            self.undo_stack.push(_EditCommand(self, edit))

    def apply(self, edit: edits.Edit) -> bool:
        try:
            with self.db.session(officer=self.officer or None) as session:
                edits.apply(session, edit)
        except (YedaError, LookupError) as exc:
            message = exc.message(self.lang) if isinstance(exc, YedaError) else str(exc)
            self.failed.emit(message)
            return False
        self.changed.emit(edit)
        return True


class _EditCommand(QUndoCommand):
    def __init__(self, workspace: Workspace, edit: edits.Edit) -> None:
        super().__init__(workspace.text(edit.zh, edit.en))
        self.workspace = workspace
        self.edit = edit

    def redo(self) -> None:
        if not self.workspace.apply(self.edit):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.workspace.apply(self.edit.inverse()):
            self.setObsolete(True)
