"""Language and fonts: the Chinese translation (default) or English, and the bundled CJK font."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FONT_FILE = "wqy-microhei.ttc"
CATALOGUE = "yeda_zh_CN"


def translations_dir() -> str:
    with as_file(files("yeda_desktop.resources") / "translations") as path:
        return str(path)


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
    with as_file(files("yeda_desktop.resources") / "fonts" / CJK_FONT_FILE) as path:
        font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    return families[0]
