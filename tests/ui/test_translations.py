"""Every visible string has a Chinese translation, and the shipped catalogue is the compiled one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry, PersonRole, VisitOutcome
from yeda_desktop.ui import i18n_build
from yeda_desktop.ui.labels import (
    ENUM_SOURCES,
    industry_label,
    key_industry_label,
    outcome_label,
    role_label,
)


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = "".join(n.text or "" for n in translation.iter("numerusform"))
            text = forms or (translation.text or "")
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                text = ""
            found[(name, message.findtext("source") or "")] = text
    return found


def test_every_visible_string_in_the_sources_is_translated_to_chinese(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(i18n_build.TS.read_bytes())
    i18n_build.update(fresh)  # what lupdate finds in the sources today
    untranslated = [key for key, text in _messages(fresh).items() if not text.strip()]
    assert untranslated == [], f"add Chinese for these in {i18n_build.TS.name}: {untranslated}"


def test_vocabulary_labels_match_the_models_chinese(zh_app: QApplication) -> None:
    for source, chinese in ENUM_SOURCES.items():
        assert QCoreApplication.translate("Labels", source) == chinese
    assert outcome_label(VisitOutcome.REVISIT) == VisitOutcome.REVISIT.zh
    assert [key_industry_label(k) for k in KeyIndustry] == [k.zh for k in KeyIndustry]
    assert [role_label(r) for r in PersonRole] == [r.zh for r in PersonRole]
    assert [industry_label(code) for code in INDUSTRY_SECTIONS] == [
        f"{code} {name}" for code, name in INDUSTRY_SECTIONS.items()]
    assert industry_label("C", with_code=False) == "制造业" and industry_label(None) == ""


def test_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.qm"
    i18n_build.release(i18n_build.TS, rebuilt)
    hint = "run: python -m yeda_desktop.ui.i18n_build"
    assert rebuilt.read_bytes() == i18n_build.QM.read_bytes(), hint


def test_qt_standard_buttons_and_dialogs_speak_chinese(zh_app: QApplication) -> None:
    """OK/Cancel, the file chooser and input boxes are Qt's own words, not the app's."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

    Std = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(Std.Ok | Std.Cancel | Std.Close)
    assert {b.text() for b in box.buttons()} == {"确定", "取消", "关闭"}
    question = QMessageBox(QMessageBox.Icon.Question, "", "",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text() for b in question.buttons()} == {"是(&Y)", "否(&N)"}
    chooser = QFileDialog(None, "", "")
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert "文件名称(&N)：" in {w.text() for w in chooser.findChildren(QLabel)}
