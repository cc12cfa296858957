"""Language and fonts: the Chinese translation (default) or English, and the bundled CJK font."""

from __future__ import annotations

import importlib
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FONT_FILE = "wqy-microhei.ttc"
CATALOGUE = "yeda_zh_CN"


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


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Load the Chinese catalogue for "zh"; English is the source language and needs none."""
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    if not translator.load(CATALOGUE, translations_dir()):
        raise RuntimeError(f"missing translation {CATALOGUE}.qm in {translations_dir()}")
    app.installTranslator(translator)
    return translator


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
