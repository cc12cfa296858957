"""The special work ledger view: filter, sort, bulk-assign, move gaps along, see their history.

Signals: `open_organization(str)` with an organization id when a row is double-clicked,
and `open_place(str, str, str)` (building, floor, unit ids) when that organization has
a place, so the main window can show it in the sweep workspace.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.ledger import (
    LedgerFilter,
    LedgerRow,
    allowed_transitions,
    assign,
    close,
    gap_detail,
    ledger_rows,
    place_of,
    reconcile,
    reopen,
    set_responsible,
    start,
    waive,
)
from yeda_desktop.ledger.lifecycle import OPEN_STATUSES, refusal, responsible_refusal
from yeda_desktop.ledger.place_choices import Places
from yeda_desktop.local_time import local_minute
from yeda_desktop.models import Gap
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, GapAction, GapStatus, Ownership
from yeda_desktop.rules import RULES
from yeda_desktop.services.search import matching_org_ids
from yeda_desktop.storage import Database
from yeda_desktop.ui.labels import industry_label
from yeda_desktop.ui.ledger_dialogs import BulkAssignDialog, CloseGapDialog, WaiveGapDialog
from yeda_desktop.ui.ledger_labels import action_label, ownership_label, rule_label, status_label
from yeda_desktop.ui.ledger_model import LedgerModel
from yeda_desktop.ui.tasks import Cancelled, TaskProgress, run_task
from yeda_desktop.ui.workbook_export import WorkbookExport

GapWork = Callable[[Session, list[Gap]], object]
StatusRule = Callable[[GapStatus], bool]


def may_become(to: GapStatus) -> StatusRule:
    """The lifecycle's rule: may a gap in a status move to `to`."""
    return lambda status: to in allowed_transitions(status)


# Each button's lifecycle step: the status it moves a gap to, and the core's rule for it
# (assign, like lifecycle.assign, also records a new action on a gap already under way).
STEPS: dict[str, tuple[GapStatus, StatusRule]] = {
    "assign": (GapStatus.ASSIGNED, OPEN_STATUSES.__contains__),
    "start": (GapStatus.IN_PROGRESS, may_become(GapStatus.IN_PROGRESS)),
    "close": (GapStatus.CLOSED, may_become(GapStatus.CLOSED)),
    "waive": (GapStatus.WAIVED, may_become(GapStatus.WAIVED)),
    "reopen": (GapStatus.IDENTIFIED, may_become(GapStatus.IDENTIFIED)),
}

# How wide a column grows to show its text, in characters of the table's font; the
# details column also takes whatever room the others leave.
WIDEST_CHARS = {"organization": 20, "detail": 32, "rule": 8, "industry": 14, "cluster": 10}
WIDEST_CHARS_OTHERS = 8
# Rows measured to fit the columns (Qt's default, 1,000, took a second of a large ledger's
# load for widths the caps above mostly decide; a cut cell shows its text as a tooltip).
FIT_SAMPLE_ROWS = 200
TYPING_PAUSE_MS = 250  # the search box filters this long after the last key


def for_each(step: Callable[[Session, Gap], None]) -> GapWork:
    """The same lifecycle step on every selected gap."""

    def work(session: Session, gaps: list[Gap]) -> None:
        for gap in gaps:
            step(session, gap)

    return work


class LedgerView(QWidget):
    open_organization = Signal(str)
    open_place = Signal(str, str, str)
    loaded = Signal(int)

    def __init__(self, parent: QWidget | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.officer: str | None = None
        self.lang = lang
        self._stale = False
        self._fitted = False
        self._detail_width = 0
        self.model = LedgerModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        # The header gets a selection of its own, always empty. Given the table's, it asks
        # after each change whether every row of each column is selected, through the
        # Python model: 6 s once a centre's 178,000 gaps were all selected.
        header = self.table.horizontalHeader()
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        self.table.setSortingEnabled(True)
        # By organization, A to Z (as the directory): Qt's default indicator is descending.
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self._viewport = self.table.viewport()
        self._viewport.installEventFilter(self)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.detail = QTextBrowser(self)
        self._hint()
        self.count_label = QLabel(self)
        self.exporting = WorkbookExport(self, "ledger", "专项工作台账.xlsx", lang)
        self.exporting.said.connect(self.count_label.setText)
        self._build_filters()
        self._build_buttons()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_rows)
        layout.addLayout(self.button_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    # --- building ------------------------------------------------------------------------

    def _combo(
        self, name: str, label: str, tip: str, changed: Callable[[], None] | None = None
    ) -> QComboBox:
        """A filter drop-down with its visible label (the label's buddy) and a tooltip."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(changed or self.apply_filter)
        caption = QLabel(label, self)
        caption.setObjectName(f"{name}_label")
        caption.setBuddy(combo)
        caption.setToolTip(tip)
        self.filter_labels[name] = caption
        return combo

    def _build_filters(self) -> None:
        self.filter_labels: dict[str, QLabel] = {}
        self.rule_box = self._combo(
            "rule", self.tr("Gap type:"), self.tr("Show only gaps of this type")
        )
        self.status_box = self._combo(
            "status", self.tr("Status:"), self.tr("Show only gaps in this status")
        )
        self._places = Places(frozenset())
        self.subdistrict_box = self._combo(
            "subdistrict", self.tr("Subdistrict:"), self.tr("Show only gaps in this subdistrict"),
            self._place_chosen,
        )
        self.cluster_box = self._combo(
            "cluster", self.tr("Cluster:"), self.tr("Show only gaps in this cluster"),
            self._place_chosen,
        )
        self.building_box = self._combo(
            "building", self.tr("Building:"), self.tr("Show only gaps in this building")
        )
        self.industry_box = self._combo(
            "industry", self.tr("Industry:"), self.tr("Show only organizations of this industry")
        )
        self.ownership_box = self._combo(
            "ownership", self.tr("Ownership:"), self.tr("Show only organizations of this ownership")
        )
        self.responsible_box = self._combo(
            "responsible",
            self.tr("Responsible:"),
            self.tr("Show only gaps this person is responsible for"),
        )
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.overdue_only = QCheckBox(self.tr("Overdue only"), self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Organization (name or pinyin initials), USCC, phone or details"))
        for box in (self.open_only, self.overdue_only):
            box.toggled.connect(self.apply_filter)
        # Typing filters once the typing pauses: each pass reads every row (a third of a
        # second for a centre's 178,000 gaps), which would lag behind each key.
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._look_up_typed)
        self.search.textChanged.connect(self._typing.start)
        # What the search index found for the text typed (pinyin initials, a phone).
        self._text_orgs: tuple[str, frozenset[str]] = ("", frozenset())
        self._fill(self.rule_box, [(rule_label(r.id), r.id) for r in RULES])
        self._fill(self.status_box, [(status_label(s), s) for s in GapStatus])
        self._fill(self.ownership_box, [(ownership_label(o), o) for o in Ownership])
        self._fill(
            self.industry_box,
            [(industry_label(code), code) for code in INDUSTRY_SECTIONS],
        )
        what, where = QHBoxLayout(), QHBoxLayout()
        for row, combos in (
            (what, (self.rule_box, self.status_box, self.responsible_box)),
            (
                where,
                (
                    self.subdistrict_box,
                    self.cluster_box,
                    self.building_box,
                    self.industry_box,
                    self.ownership_box,
                ),
            ),
        ):
            for combo in combos:
                row.addWidget(self.filter_labels[combo.objectName()])
                row.addWidget(combo)
                row.addSpacing(8)
        what.addWidget(self.open_only)
        what.addWidget(self.overdue_only)
        what.addWidget(self.search, 1)
        where.addStretch(1)
        self.filter_rows = QVBoxLayout()
        self.filter_rows.addLayout(what)
        self.filter_rows.addLayout(where)

    def _fill_places(self) -> None:
        """Offer the clusters of the chosen subdistrict and the buildings of the chosen
        cluster (a choice no longer offered goes back to All)."""
        sub = self.subdistrict_box.currentData()
        choices = self._places.choices(sub)
        self._fill(self.subdistrict_box, [(s, s) for s in choices.subdistricts])
        self._fill(self.cluster_box, choices.clusters)
        choices = self._places.choices(sub, self.cluster_box.currentData())
        self._fill(self.building_box, choices.buildings)

    def _place_chosen(self) -> None:
        self._fill_places()
        self.apply_filter()

    def _fill(self, combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for text, value in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _build_buttons(self) -> None:
        self.button_row = QHBoxLayout()
        specs = [
            ("reevaluate", self.tr("Re-evaluate"), self.reevaluate),
            ("bulk", self.tr("Assign responsible…"), self.bulk_assign),
            ("assign", self.tr("Assign action…"), self.assign_action),
            ("start", self.tr("Start"), self.start_work),
            ("close", self.tr("Close…"), self.close_gap),
            ("waive", self.tr("Waive…"), self.waive_gap),
            ("reopen", self.tr("Reopen…"), self.reopen_gap),
            ("export", self.tr("Export…"), self.export),
        ]
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in specs:
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            self.button_row.addWidget(button)
        self.buttons["export"].setToolTip(
            self.tr("Write the gaps the filters show to an Excel workbook"))
        self.button_row.addStretch(1)
        self.update_buttons()

    # --- data ----------------------------------------------------------------------------

    def set_database(self, db: Database | None, officer: str | None = None) -> None:
        """Use `db`; the rows load now if the view is shown, else when it is first shown."""
        self.db, self.officer = db, officer
        self._stale = True
        self._fitted = False
        if self.isVisible():
            self.refresh()

    def mark_stale(self) -> None:
        """The data changed (edits, a batch): read again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload the rows off the GUI thread; `loaded(count)` follows."""
        self._stale = False
        db = self.db
        if db is None:
            self.set_rows([])
            return

        def work(_progress: object) -> list[LedgerRow]:
            with db.reader() as session:
                return ledger_rows(session)

        # A centre's ledger takes seconds to read: say so under the rows shown meanwhile.
        self.count_label.setText(self.tr("Reading the ledger…"))
        run_task(self, work, self.set_rows, self._failed)

    def set_rows(self, rows: list[LedgerRow]) -> None:
        self._places = Places.of(rows)
        self._fill_places()
        people = sorted({r.responsible for r in rows if r.responsible})
        self._fill(self.responsible_box, [(p, p) for p in people])
        self.model.set_rows(rows, self.current_filter())  # with the choices as refilled
        self._show_count()
        self.update_buttons()
        if rows and not self._fitted:
            self.fit_columns()
        self.loaded.emit(len(rows))

    def fit_columns(self) -> None:
        """Columns as wide as their text up to a cap (cut cells show it in full as a tooltip)."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        em = self.table.fontMetrics().horizontalAdvance("中")
        for column, name in enumerate(LedgerModel.COLUMNS):
            self.table.resizeColumnToContents(column)
            widest = (WIDEST_CHARS.get(name, WIDEST_CHARS_OTHERS) + 1) * em
            header.resizeSection(column, min(header.sectionSize(column), widest))
        self._detail_width = header.sectionSize(LedgerModel.COLUMNS.index("detail"))
        self._fitted = True
        self._stretch_details()

    def _stretch_details(self) -> None:
        """The details column takes the room the other columns leave, never less than its fit."""
        if not self._fitted:
            return
        header = self.table.horizontalHeader()
        column = LedgerModel.COLUMNS.index("detail")
        others = header.length() - header.sectionSize(column)
        room = self.table.viewport().width() - others
        header.resizeSection(column, max(self._detail_width, room))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self._stretch_details()
        return super().eventFilter(watched, event)

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(
            rule_id=self.rule_box.currentData(),
            status=self.status_box.currentData(),
            subdistrict=self.subdistrict_box.currentData(),
            cluster_id=self.cluster_box.currentData(),
            building_id=self.building_box.currentData(),
            industry_section=self.industry_box.currentData(),
            ownership=self.ownership_box.currentData(),
            responsible=self.responsible_box.currentData(),
            open_only=self.open_only.isChecked(),
            overdue_only=self.overdue_only.isChecked(),
            text=self.search.text(),
            text_orgs=self._text_orgs[1] if self._text_orgs[0] == self.search.text().strip()
            else frozenset(),
        )

    def _look_up_typed(self) -> None:
        """The organizations the search box would find by the text (off the GUI thread: a
        letter matches most of a centre), then the filter with them."""
        typed, db = self.search.text().strip(), self.db
        if not typed or db is None:
            self._text_orgs = (typed, frozenset())
            self.apply_filter()
            return

        def work(_progress: object) -> tuple[str, frozenset[str]]:
            with db.reader() as session:
                return typed, matching_org_ids(session, typed)

        run_task(self, work, self._typed_found, self._failed)

    def _typed_found(self, found: tuple[str, frozenset[str]]) -> None:
        if found[0] != self.search.text().strip():
            return  # typed on meanwhile: the later look-up filters
        self._text_orgs = found
        self.apply_filter()

    def apply_filter(self) -> None:
        chosen = {row.gap_id for row in self.selected_rows()}
        self.model.set_filter(self.current_filter())
        if chosen:  # the rows still shown stay selected
            self._select(chosen)
        self._show_count()
        self.update_buttons()

    def _show_count(self) -> None:
        if self.db is not None and self.model.total() == 0:
            # A database whose organizations were never checked (a demo, a baseline just
            # imported) has an empty ledger: say how to fill it rather than "0 of 0".
            self.count_label.setText(self.tr(
                "The ledger holds no gaps yet: press Re-evaluate to check every "
                "organization against the rules."))
        else:
            self.count_label.setText(
                self.tr("Showing %1 of %2 gaps")
                .replace("%1", f"{self.model.rowCount():,}")
                .replace("%2", f"{self.model.total():,}")
            )

    def selected_rows(self) -> list[LedgerRow]:
        """The selected gaps, in the order shown.

        Read from the selection's ranges (whole rows: the table selects rows), not from
        `selectedRows()`, which asks the model for its size several times per row: 16 s
        for all of a centre's 178,000 gaps selected.
        """
        rows: set[int] = set()
        for part in self.table.selectionModel().selection():
            rows.update(range(part.top(), part.bottom() + 1))
        return [self.model.row_at(r) for r in sorted(rows)]

    def _select(self, gap_ids: set[str]) -> None:
        """Select the shown rows of these gaps (runs of adjacent rows as one range)."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start: int | None = None
        for n, row in enumerate([*self.model.rows, None]):
            if row is not None and row.gap_id in gap_ids:
                start = n if start is None else start
            elif start is not None:
                selection.select(self.model.index(start, 0), self.model.index(n - 1, last))
                start = None
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # --- detail and navigation -----------------------------------------------------------

    def _show_detail(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or self.db is None:
            self._hint()
            return
        with self.db.reader() as session:
            found = gap_detail(session, rows[0].gap_id)
        if found is None:
            self._hint()
            return
        esc = html.escape
        colon = "：" if self.lang.startswith("zh") else ": "  # a Chinese label takes its own
        action, who, due = self.tr("Action"), self.tr("Responsible"), self.tr("Due")
        evidence, waived, history = self.tr("Evidence"), self.tr("Waived"), self.tr("History")
        parts = [
            f"<h3>{esc(found.organization)}</h3>",
            f"<p><b>{esc(rule_label(found.rule_id))}</b> · {esc(status_label(found.status))}</p>",
            f"<p>{esc(found.detail_zh or '')}</p>",
            f"<p>{esc(action)}{colon}{esc(action_label(found.action))}<br>"
            f"{esc(who)}{colon}{esc(found.responsible or '—')}<br>"
            f"{esc(due)}{colon}{found.due_on or '—'}</p>",
        ]
        if found.evidence:
            parts.append(f"<p>{esc(evidence)}{colon}{esc(found.evidence)} "
                         f"({found.closed_on or ''})</p>")
        if found.waived_reason:
            parts.append(f"<p>{esc(waived)}{colon}{esc(found.waived_reason)} "
                         f"({esc(found.waived_by or '')})</p>")
        parts.append(f"<h4>{esc(history)}</h4><ul>")
        for step in found.history:
            moved = status_label(step.to_status)
            parts.append(
                f"<li>{local_minute(step.at)} {esc(moved)} — "
                f"{esc(step.officer or '')} {esc(step.note or '')}</li>"
            )
        parts.append("</ul>")
        self.detail.setHtml("".join(parts))

    def _hint(self) -> None:
        """While no single gap is chosen, what the pane is for (empty, it said nothing; a
        placeholder text is not wrapped, and the pane is narrow)."""
        self.detail.setHtml('<p style="color: gray">' + html.escape(self.tr(
            "Choose a gap to see its measure and its history. Choose several (Ctrl or Shift) "
            "to assign them a responsible person or move them on together.")) + "</p>")

    def _double_clicked(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        org_id = rows[0].organization_id
        self.open_organization.emit(org_id)
        if self.db is not None:
            with self.db.reader() as session:
                place = place_of(session, org_id)
            if place is not None:
                self.open_place.emit(*place)

    # --- changes -------------------------------------------------------------------------

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Special work ledger"), text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.count_label.setText(self.tr("Cancelled; nothing was written."))
        elif isinstance(exc, YedaError):
            self._warn(exc.message(self.lang))
        else:
            raise exc

    def refusal(self, step: str, rows: list[LedgerRow]) -> str | None:
        """Why the button `step` cannot act on `rows` now (the core's rule), or None if it can."""
        if not rows:
            return self.tr("Select a gap first")
        statuses = dict.fromkeys(r.status for r in rows)
        if step == "bulk":
            for status in statuses:
                if (refused := responsible_refusal(status)) is not None:
                    return refused.message(self.lang)
            return None
        to, allows = STEPS[step]
        for status in statuses:
            if not allows(status):
                return refusal(status, to).message(self.lang)
        return None

    def update_buttons(self) -> None:
        """Enable the buttons that can act on the selection; the others say why in a tooltip."""
        rows = self.selected_rows()
        for step in ("bulk", *STEPS):
            reason = self.refusal(step, rows)
            self.buttons[step].setEnabled(reason is None)
            self.buttons[step].setToolTip(reason or "")

    def _ready(self, step: str) -> bool:
        """True if `step` may act on the selection; else says why, before anything is asked."""
        reason = self.refusal(step, self.selected_rows())
        if reason is not None:
            self._warn(reason)
        return reason is None

    def apply_to_selected(self, work: GapWork) -> bool:
        """Run `work` on the selected gaps in one transaction; refresh; False if refused."""
        rows = self.selected_rows()
        if self.db is None or not rows:
            return False
        try:
            with self.db.session(officer=self.officer) as session:
                gaps = [session.get(Gap, r.gap_id) for r in rows]
                work(session, [g for g in gaps if g is not None])
        except YedaError as exc:
            self._failed(exc)
            return False
        self.refresh()
        return True

    def bulk_assign(self) -> None:
        if not self._ready("bulk"):
            return
        dialog = BulkAssignDialog(self, len(self.selected_rows()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        who, due = dialog.values()
        self.apply_to_selected(lambda s, gaps: set_responsible(s, gaps, who, due))

    def assign_action(self) -> None:
        if not self._ready("assign"):
            return
        actions = list(GapAction)
        labels = [action_label(a) for a in actions]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Assign action"), self.tr("Action"), labels, 0, False
        )
        if ok:
            action = actions[labels.index(choice)]
            self.apply_to_selected(for_each(lambda s, g: assign(s, g, action)))

    def start_work(self) -> None:
        if self._ready("start"):
            self.apply_to_selected(for_each(start))

    def close_gap(self) -> None:
        if not self._ready("close"):
            return
        dialog = CloseGapDialog(self, len(self.selected_rows()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            evidence, on = dialog.values()
            self.apply_to_selected(for_each(lambda s, g: close(s, g, evidence, on)))

    def waive_gap(self) -> None:
        if not self._ready("waive"):
            return
        dialog = WaiveGapDialog(self, len(self.selected_rows()), self.officer)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason, by = dialog.values()
            self.apply_to_selected(for_each(lambda s, g: waive(s, g, reason, by)))

    def reopen_gap(self) -> None:
        if not self._ready("reopen"):
            return
        note, ok = QInputDialog.getText(self, self.tr("Reopen gap"), self.tr("Reason"))
        if ok:
            self.apply_to_selected(for_each(lambda s, g: reopen(s, g, note)))

    def reevaluate(self) -> None:
        db, officer = self.db, self.officer
        if db is None:
            return

        zh = self.lang.startswith("zh")

        def work(progress: TaskProgress) -> str:
            with db.session(officer=officer) as session:  # a Cancel rolls it all back
                result = reconcile(session, progress=progress)
            return result.summary_zh() if zh else result.summary_en()

        # Bound methods only: a lambda or closure holding `self` on a task's signal
        # crashes PySide when the widget is destroyed.
        run_task(self, work, self._reevaluated, self._failed, self.tr("Evaluating the gap rules…"))

    def _reevaluated(self, summary: str) -> None:
        self.count_label.setText(summary)
        self.refresh()

    def export(self) -> None:
        """The gaps shown (the filters, not the order), as the printed ledger takes them."""
        if self.db is None:
            return
        wanted = self.current_filter()
        narrowed = wanted != LedgerFilter()
        title = (
            self.tr("Export the %1 gaps shown (of %2)")
            .replace("%1", f"{self.model.rowCount():,}")
            .replace("%2", f"{self.model.total():,}")
            if narrowed else self.tr("Export ledger")
        )
        self.exporting.start(self.db, title, self.tr("Exporting the ledger…"),
                             self.tr("Exported %1 rows"),
                             ledger_filter=wanted if narrowed else None)

