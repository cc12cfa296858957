"""Asked before registering a name that is already registered: attach it, or a new one?"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from yeda_desktop.services.namesakes import Namesake
from yeda_desktop.ui.workspace import Workspace

NEW: Literal["new"] = "new"


def question(parent: QWidget | None, ws: Workspace, twins: list[Namesake]) -> QMessageBox:
    """The question, its first button attaching the first namesake (the default)."""
    first = twins[0]
    where_zh = "、".join(t.where_zh() for t in twins)
    where_en = "; ".join(t.where_en() for t in twins)
    box = QMessageBox(QMessageBox.Icon.Question, ws.text("已有同名单位", "Name already registered"),
                      ws.text(
                          f"“{first.name}”已经登记在：{where_zh}。\n\n同一单位在多个房间办公时，"
                          "请关联已有单位，不要重复登记（否则会重复统计）。",
                          f"“{first.name}” is already registered at: {where_en}.\n\nWhen one "
                          "organization uses several units, attach it rather than registering "
                          "it again (it would be counted twice)."),
                      parent=parent)
    attach = box.addButton(ws.text("关联该单位", "Attach it"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(ws.text("仍登记为新单位", "Register a new one"),
                  QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(ws.text("取消", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(attach)
    return box


def ask(parent: QWidget | None, ws: Workspace,
        twins: list[Namesake]) -> Namesake | Literal["new"] | None:
    """The namesake to attach, NEW to register anyway, or None (cancelled)."""
    box = question(parent, ws, twins)
    box.exec()
    role = box.buttonRole(box.clickedButton()) if box.clickedButton() else None
    if role == QMessageBox.ButtonRole.AcceptRole:
        return twins[0]
    if role == QMessageBox.ButtonRole.DestructiveRole:
        return NEW
    return None
