"""Alt+letter reaches one thing: no two entries of a menu share an access key."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import AppSettings

_KEY = re.compile(r"&([^&])")


def _clashes(menu: QMenu) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found = _KEY.search(action.text().replace("&&", ""))
        if found:
            seen.setdefault(found.group(1).upper(), []).append(action.text())
    return {key: texts for key, texts in seen.items() if len(texts) > 1}


def test_menu_access_keys_are_unique_in_chinese(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings
) -> None:
    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    assert len(menus) >= 5
    top = _clashes(window.menuBar())  # the menu bar itself: 文件(F) 编辑(E) 扫楼(S) …
    assert top == {}, top
    for menu in menus:
        assert isinstance(menu, QMenu)
        assert _clashes(menu) == {}, (menu.title(), _clashes(menu))
        for sub in menu.actions():
            if isinstance(sub, QAction) and isinstance(sub.menu(), QMenu):
                assert _clashes(sub.menu()) == {}, sub.text()


def test_toolbar_buttons_show_no_access_keys(
    qtbot: QtBot, zh_app: QApplication, settings: AppSettings
) -> None:
    from PySide6.QtWidgets import QToolBar

    window = MainWindow(settings, "zh")
    qtbot.addWidget(window)
    bar = window.findChildren(QToolBar)[0]
    texts = [a.iconText() for a in bar.actions() if not a.isSeparator() and a.text()]
    assert "撤销" in texts and "批量添加房间…" in texts, texts
    assert not [t for t in texts if "&" in t or "(" in t], texts
