"""Starting the GUI: application object, language, bundled font, settings, main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from yeda_desktop.ui.i18n import install_language, register_cjk_font
from yeda_desktop.ui.main_window import MainWindow
from yeda_desktop.ui.settings import APPLICATION, ORGANIZATION, AppSettings


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    return QApplication(argv if argv is not None else sys.argv[:1])


def start(
    app: QApplication, settings: AppSettings, lang: str | None, db_path: str | None
) -> MainWindow:
    """Set up language and font, show the main window and begin opening the database.

    `db_path` "" opens the default database (see `MainWindow.open_database`), None none.
    The window is shown before the core is loaded; at the first start of an installation
    (no role yet) it asks, once the database is open, whether this is a field laptop or
    the centre.
    """
    language = lang or settings.language
    install_language(app, language)
    register_cjk_font(app)
    window = MainWindow(settings, language)
    window.ask_role_at_start = True
    window.show()
    if db_path is not None:
        window.open_database(db_path)
    return window
