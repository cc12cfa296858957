"""Test helper: QMessageBox.question answered from a script, the questions asked kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

Button = QMessageBox.StandardButton


class ScriptedQuestions:
    """Each question takes the next answer given (`then`); what it asked is in `asked`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: Button) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "question", self._answer)

    def then(self, *answers: Button) -> ScriptedQuestions:
        self.answers += answers
        return self

    def _answer(self, *args: object) -> Button:
        self.asked.append(str(args[2]))  # (parent, title, text, ...)
        return self.answers.pop(0)
