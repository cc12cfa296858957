"""Print preview, printing through QPrinter, and background batch printing with cancel."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
import report_demo as demo
import report_samples as samples

from yeda_desktop.reports import render_registration
from yeda_desktop.reports.jobs import PrintJob
from yeda_desktop.services.record_lookup import organizations_in_building
from yeda_desktop.storage import Database
from yeda_desktop.ui import print_actions
from yeda_desktop.ui.print_actions import PrintController
from yeda_desktop.ui.print_preview import PrintPreviewDialog, copy_atomically, print_pdf


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = demo.build_demo(tmp_path_factory.mktemp("print") / "demo.sqlite")
    yield db
    db.close()


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    pdf = tmp_path / "three.pdf"
    orgs = [samples.ORG, samples.SPARSE_ORG, samples.ORG]
    assert render_registration(orgs, pdf, meta=samples.META) == 3
    return pdf


def test_preview_shows_every_page(qtbot: QtBot, zh_app: QApplication, three_pages: Path) -> None:
    dialog = PrintPreviewDialog(three_pages, "登记表")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 3
    assert "3" in dialog.pages_label.text()
    assert dialog.view.document() is dialog.document
    assert "登记表" in dialog.windowTitle()


def test_printing_paints_each_page(qtbot: QtBot, three_pages: Path, tmp_path: Path) -> None:
    document = QPdfDocument()
    document.load(str(three_pages))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_pdf(document, printer) == 3
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == 3


def test_save_as_copies_whole_file(three_pages: Path, tmp_path: Path) -> None:
    target = tmp_path / "saved.pdf"
    copy_atomically(three_pages, target)
    assert target.read_bytes() == three_pages.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_batch_of_a_building_renders_off_the_gui_thread(
    qtbot: QtBot, zh_app: QApplication, demo_db: Database
) -> None:
    building = demo.busiest_building(demo_db)
    with demo_db.reader() as s:
        count = len(organizations_in_building(s, building.id))
    controller = PrintController(None)
    with qtbot.waitSignal(controller.rendered, timeout=60_000) as signal:
        controller.start(demo_db, PrintJob("registration", building_id=building.id))
    path, pages = signal.args
    assert pages == count > 10 and Path(path).is_file()
    assert controller.preview is not None
    qtbot.addWidget(controller.preview)
    assert controller.preview.page_count() == count


def test_cancel_stops_the_batch_and_leaves_no_file(
    qtbot: QtBot, zh_app: QApplication, demo_db: Database
) -> None:
    building = demo.busiest_building(demo_db)
    controller = PrintController(None, show_preview=False)
    rendered: list[object] = []
    controller.rendered.connect(lambda *a: rendered.append(a))
    with qtbot.waitSignal(controller.cancelled, timeout=60_000):
        task = controller.start(demo_db, PrintJob("registration", building_id=building.id))
        task.cancel()
    assert rendered == []
    assert list(controller.folder.iterdir()) == []


def test_the_pdf_folder_is_made_at_the_first_print_and_goes_with_the_window(
    qtbot: QtBot, zh_app: QApplication, demo_db: Database
) -> None:
    """Opening windows leaves nothing in the temporary folder; closing one removes its PDFs."""
    def print_folders() -> set[Path]:
        return set(Path(tempfile.gettempdir()).glob("yeda-print-*"))

    before = print_folders()
    window = QMainWindow()
    controller = PrintController(window, show_preview=False)
    assert print_folders() == before
    building = demo.busiest_building(demo_db)
    with qtbot.waitSignal(controller.rendered, timeout=60_000) as signal:
        controller.start(demo_db, PrintJob("registration", building_id=building.id))
    pdf = Path(signal.args[0])
    assert pdf.is_file() and print_folders() == before | {pdf.parent}
    window.deleteLater()
    qtbot.waitUntil(lambda: not pdf.parent.exists())
    assert print_folders() == before


def test_unknown_record_fails_with_a_sentence(
    qtbot: QtBot, zh_app: QApplication, demo_db: Database
) -> None:
    controller = PrintController(None, show_preview=False)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as signal:
        controller.start(demo_db, PrintJob("registration", organization_ids=("no-such-id",)))
    assert "找不到单位" in signal.args[0]


def test_menu_acts_on_the_current_building(
    qtbot: QtBot, zh_app: QApplication, demo_db: Database
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.workspace = None  # type: ignore[attr-defined]
    window.building_id = None  # type: ignore[attr-defined]
    window.detail = SimpleNamespace(org_id=None)  # type: ignore[attr-defined]
    controller = print_actions.install(window)
    menu = window.menuBar().actions()[-1].menu()
    assert menu is not None
    menu.aboutToShow.emit()
    assert not any(a.isEnabled() for a in menu.actions() if not a.isSeparator())
    building = demo.busiest_building(demo_db)
    window.workspace = SimpleNamespace(db=demo_db)  # type: ignore[attr-defined]
    window.building_id = building.id  # type: ignore[attr-defined]
    menu.aboutToShow.emit()
    enabled = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator()]
    assert len(enabled) == 6  # two building forms, two ledgers, the statistics, the blank form
    controller.show_preview = False
    sweep = next(
        a for a in enabled if a.text() in ("楼宇扫楼情况汇总表…", "Sweep summary of this building…")
    )
    with qtbot.waitSignal(controller.rendered, timeout=30_000) as signal:
        sweep.trigger()
    assert signal.args[1] >= 1
