"""Language and fonts: the Chinese translation (default) or English, and the bundled CJK font."""

from __future__ import annotations

import importlib
import logging
import os

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FONT_FILE = "wqy-microhei.ttc"
CATALOGUE = "yeda_zh_CN"
# Qt's own words: standard buttons (确定/取消/关闭), the file chooser, input dialogs.
QT_CATALOGUE = "qtbase_zh_CN"

log = logging.getLogger(__name__)


def resource_path(*parts: str) -> str:
    """A file shipped in yeda_desktop.resources (a folder: installed, editable or frozen).

    Found through the package's folder rather than importlib.resources, which loads a
    dozen modules before the first frame.
    """
    package = importlib.import_module("yeda_desktop.resources")
    for folder in package.__path__:
        path = os.path.join(folder, *parts)
        if os.path.exists(path):
            return path
    from importlib.resources import as_file, files  # any other kind of package

    with as_file(files(package).joinpath(*parts)) as found:
        return str(found)


def translations_dir() -> str:
    return resource_path("translations")


def qt_translations_dirs() -> list[str]:
    """Where Qt's catalogues may be: Qt's own idea, then the PySide6 package (frozen builds
    keep the package's layout but not always Qt's configured path)."""
    package = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "translations")
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), package]


def install_qt_language(app: QCoreApplication) -> QTranslator | None:
    """Qt's Chinese catalogue, or None (logged: the app's own words are still Chinese)."""
    translator = QTranslator(app)
    for folder in qt_translations_dirs():
        if translator.load(QT_CATALOGUE, folder):
            app.installTranslator(translator)
            return translator
    log.warning("Qt's %s.qm not found in %s", QT_CATALOGUE, qt_translations_dirs())
    return None


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load the Chinese catalogues for "zh" (the app's and Qt's own, for standard buttons
    and dialogs); English is the source language and needs none."""
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_qt_language(app)
    translator = QTranslator(app)
    if not translator.load(CATALOGUE, translations_dir()):
        raise RuntimeError(f"missing translation {CATALOGUE}.qm in {translations_dir()}")
    app.installTranslator(translator)
    return translator


def current_lang() -> str:
    """The language `install_language` set ("zh" or "en"), for the core's bilingual messages."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def register_cjk_font(app: QApplication) -> str | None:
    """Register the bundled WenQuanYi Micro Hei and make it the default; returns its family."""
    font_id = QFontDatabase.addApplicationFont(resource_path("fonts", CJK_FONT_FILE))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]
