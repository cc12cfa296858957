"""The Print menu: render a form off the GUI thread (progress, cancel), then preview it.

`PrintController.start(job)` runs the core's `run_job` on a worker with its own database
session, writes the PDF into a private temporary folder and opens `PrintPreviewDialog`.
`install(window)` adds a 打印/Print menu acting on the window's current organization,
building, ledger filter or ledger selection, looked up when the action is triggered.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.ui.tasks import Cancelled, Task, TaskProgress, run_task

if TYPE_CHECKING:  # reportlab (~0.5 s), QtPdf and the storage load on first use, not at start
    from yeda_desktop.reports.jobs import PrintJob
    from yeda_desktop.storage import Database
    from yeda_desktop.ui.print_preview import PrintPreviewDialog


def _job(form: str, **fields: Any) -> PrintJob:
    from yeda_desktop.reports.jobs import PrintJob

    return PrintJob(form, **fields)


class PrintController(QObject):
    """Signals: `rendered(str, int)` with the PDF path and page count; `cancelled()`;
    `failed(str)` with a message. With `show_preview` the preview dialog opens itself."""

    rendered = Signal(str, int)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, show_preview: bool = True) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.show_preview = show_preview
        self._folder: Path | None = None
        self.task: Task | None = None
        self.preview: PrintPreviewDialog | None = None
        self._count = 0

    @property
    def folder(self) -> Path:
        """The private folder of this window's PDFs, made at the first print and removed
        with the window, or at exit (Qt does not always destroy a window the app ends with)."""
        if self._folder is None:
            folder = self._folder = Path(tempfile.mkdtemp(prefix="yeda-print-"))
            self.destroyed.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return self._folder

    def start(self, db: Database, job: PrintJob, file_stem: str | None = None) -> Task:
        """Render ``job`` in the background with a cancellable progress dialog."""
        from yeda_desktop.reports.jobs import FORM_TITLES, run_job

        self._count += 1
        stem = file_stem or FORM_TITLES[job.form]
        out = self.folder / f"{self._count:03d}-{stem}.pdf"

        def work(progress: TaskProgress) -> tuple[str, int]:
            def relay(done: int, total: int) -> bool:
                progress(done, total)  # raises Cancelled once the user pressed Cancel
                return True

            with db.reader() as session:
                pages = run_job(session, job, out, progress=relay)
            return str(out), pages

        label = self.tr("Preparing %1…").replace("%1", FORM_TITLES[job.form])
        self.task = run_task(self.parent_widget, work, self._done, self._error, label=label)
        return self.task

    def _done(self, result: tuple[str, int]) -> None:
        path, pages = result
        self.task = None
        self.rendered.emit(path, pages)
        if self.show_preview:
            from yeda_desktop.ui.print_preview import PrintPreviewDialog

            title = Path(path).stem.split("-", 1)[-1]
            self.preview = PrintPreviewDialog(Path(path), title, self.parent_widget, f"{title}.pdf")
            self.preview.show()

    def _error(self, exc: BaseException) -> None:
        from yeda_desktop.reports import RenderCancelled

        self.task = None
        if isinstance(exc, (Cancelled, RenderCancelled)):
            self.cancelled.emit()
            return
        if isinstance(exc, YedaError):
            message = exc.zh
        else:
            message = self.tr("The form could not be printed: %1").replace("%1", repr(exc))
        self.failed.emit(message)
        if self.show_preview:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self.parent_widget, self.tr("Print"), message)


def _attr(obj: object, *names: str) -> Any:
    for name in names:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


def install(window: QMainWindow) -> PrintController:
    """Add the Print menu to ``window`` (which has `workspace`, `building_id`, `detail.org_id`)."""
    controller = PrintController(window)
    menu = window.menuBar().addMenu(QCoreApplication.translate("PrintMenu", "&Print"))

    def db() -> Database | None:
        return _attr(window, "workspace", "db")  # type: ignore[no-any-return]

    def org_id() -> str | None:
        return _attr(window, "detail", "org_id")  # type: ignore[no-any-return]

    def building_id() -> str | None:
        return _attr(window, "building_id")  # type: ignore[no-any-return]

    def ledger_view() -> Any:
        return _attr(window, "ledger_view")

    def selected_orgs() -> tuple[str, ...]:
        view = ledger_view()
        if view is None:
            return ()
        return tuple(dict.fromkeys(r.organization_id for r in view.selected_rows()))

    def ledger_filter() -> Any:
        view = ledger_view()
        return view.current_filter() if view is not None else None

    entries: list[tuple[QAction, Callable[[], PrintJob | None]]] = []

    def add(text: str, make: Callable[[], PrintJob | None]) -> None:
        action = QAction(window)  # QAction(text, parent) would load QIcon before the first frame
        action.setText(text)
        menu.addAction(action)
        entries.append((action, make))

        def trigger() -> None:
            database, job = db(), make()
            if database is not None and job is not None:
                controller.start(database, job)

        action.triggered.connect(trigger)

    add(
        QCoreApplication.translate("PrintMenu", "Registration form of this organization…"),
        lambda: _job("registration", organization_ids=(o,)) if (o := org_id()) else None,
    )
    add(
        QCoreApplication.translate("PrintMenu", "Member roster of this organization…"),
        lambda: _job("roster", organization_ids=(o,)) if (o := org_id()) else None,
    )
    add(
        QCoreApplication.translate("PrintMenu", "Rectification notice of this organization…"),
        lambda: _job("notice", organization_ids=(o,)) if (o := org_id()) else None,
    )
    menu.addSeparator()
    add(
        QCoreApplication.translate(
            "PrintMenu", "Registration forms of every organization in this building…"
        ),
        lambda: _job("registration", building_id=b) if (b := building_id()) else None,
    )
    add(
        QCoreApplication.translate("PrintMenu", "Sweep summary of this building…"),
        lambda: _job("sweep", building_id=b) if (b := building_id()) else None,
    )
    menu.addSeparator()
    add(
        QCoreApplication.translate(
            "PrintMenu", "Special work ledger (current filter), by subdistrict…"
        ),
        lambda: _job("ledger", ledger_filter=ledger_filter()),
    )
    add(
        QCoreApplication.translate(
            "PrintMenu", "Special work ledger (current filter), by cluster…"
        ),
        lambda: _job("ledger", group_by="cluster", ledger_filter=ledger_filter()),
    )
    add(
        QCoreApplication.translate(
            "PrintMenu", "Registration forms of the selected ledger organizations…"
        ),
        lambda: _job("registration", organization_ids=s) if (s := selected_orgs()) else None,
    )
    menu.addSeparator()

    def statistics() -> PrintJob:
        dashboard = _attr(window, "dashboard")
        if dashboard is None:  # the tab is not built yet: its breakdown, the inputs last typed
            settings = _attr(window, "settings")
            return _job("statistics",
                        funding=settings.funding_inputs() if settings is not None else None)
        return _job("statistics", dimension=dashboard.dimension.currentData(),
                    funding=dashboard.funding_inputs())

    add(QCoreApplication.translate(
        "PrintMenu", "Statistics (the statistics tab's breakdown and funding inputs)…"),
        statistics)
    menu.addSeparator()
    add(QCoreApplication.translate("PrintMenu", "Blank registration form…"), lambda: _job("blank"))

    def refresh() -> None:
        has_db = db() is not None
        for action, make in entries:
            action.setEnabled(has_db and make() is not None)

    menu.aboutToShow.connect(refresh)
    return controller
