"""The statistics dashboard: the two coverages at a glance, charts to look at, tables to read.

Headline rates now and at the previous campaign, a bar chart of coverage by the
chosen breakdown, a bar chart of ledger gaps by rule (open vs finished), a table
of coverage and sweep progress per group (this campaign vs the previous one),
and the funding estimate with its inputs. All figures come from `stats.summarize`
on a worker thread.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry
from yeda_desktop.rules import RULES
from yeda_desktop.stats import FundingInputs, Summary, summarize
from yeda_desktop.stats.coverage import CoverageRow
from yeda_desktop.stats.dimensions import ABOVE_SIZE, group_label
from yeda_desktop.storage import Database
from yeda_desktop.ui.labels import industry_label, key_industry_label
from yeda_desktop.ui.ledger_labels import ownership_label, rule_label
from yeda_desktop.ui.settings import AppSettings
from yeda_desktop.ui.tasks import run_task
from yeda_desktop.ui.workbook_export import WorkbookExport


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


class _Cell(QTableWidgetItem):
    """A breakdown cell that sorts by its value, not its text ("9.5%" < "21.3%" < "100.0%",
    "47" < "108"); a missing value ("—") sorts first."""

    def __init__(self, text: str, key: tuple[float, ...] | str) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        theirs = getattr(other, "key", None)
        if isinstance(self.key, tuple) and isinstance(theirs, tuple):
            return self.key < theirs
        return self.text() < other.text()


def _rate_cell(value: float | None) -> _Cell:
    return _Cell(_pct(value), (-1.0 if value is None else value,))


def _share_cell(done: int | None, of: int | None) -> _Cell:
    """"12/30", sorted by the share done, then by the count."""
    if done is None or of is None:
        return _Cell("—", (-1.0,))
    return _Cell(f"{done}/{of}", (done / of if of else 0.0, done))


# QtCharts gives each category label the category axis's height / (categories + 1), less
# its padding, and draws "..." for a label taller than that. Per text line the chart needs
# the line height plus this much (measured: padding, margins and frame, with room to spare).
LABEL_ROOM = 12
# Text lines of a chart outside its category axis: title, legend and the value axis labels.
CHART_TEXT_LINES = 3
# Pixels a chart keeps however few its categories (the whole zone is one).
CHART_MIN_HEIGHT = 260
# A count axis with no gaps at all still reads as counts: 0 to this, one tick per integer.
EMPTY_COUNT_TOP = 5


def count_ticks(most: int) -> tuple[int, int]:
    """(top, step) of a count axis from 0 that fits `most`: whole numbers, at most 6 ticks.

    QValueAxis spreads its ticks evenly over its range, so a range of 0-205 with five
    ticks reads 51.3, 102.5, 153.8: a count of gaps is never fractional. The step is 1, 2
    or 5 times a power of ten and the top a multiple of it.
    """
    if most <= 0:
        return EMPTY_COUNT_TOP, 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if most <= 5 * step * factor:
                step *= factor
                return -(-most // step) * step, step
        step *= 10


class Dashboard(QWidget):
    """Signal: `loaded()` after the figures are shown."""

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None, lang: str = "zh",
                 settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.lang, self.settings = lang, settings
        self.db: Database | None = None
        self.summary: Summary | None = None
        self._stale = False
        self.dimension = QComboBox(self)
        for key, text in self._dimensions().items():
            self.dimension.addItem(text, key)
        self.dimension.setCurrentIndex(1)
        self.dimension.currentIndexChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("statistics-export")
        self.export_button.setToolTip(self.tr(
            "Write the statistics to an Excel workbook: coverage and sweep progress by every "
            "breakdown, the ledger's gaps and the funding estimate with the inputs shown here"))
        self.export_button.clicked.connect(self.export)
        self.exporting = WorkbookExport(self, "statistics", "两新组织统计.xlsx", lang)
        self.export_note = QLabel(self)
        self.exporting.said.connect(self.export_note.setText)
        self.org_rate = QLabel(self)
        self.work_rate = QLabel(self)
        self.gap_total = QLabel(self)
        for label in (self.org_rate, self.work_rate, self.gap_total):
            label.setStyleSheet("font-size: 16pt; font-weight: bold;")
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.coverage_chart = QChartView(self)
        self.gap_chart = QChartView(self)
        for view in (self.coverage_chart, self.gap_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_MIN_HEIGHT)
        # Bars across, names down the side: an axis along the bottom cut names such as
        # "S 公共管理、社会保障和社会组织" to "S 公…" once a few groups shared its width.
        self.coverage_series = QHorizontalBarSeries()
        self.coverage_axes = self._build_chart(self.coverage_chart, self.coverage_series)
        self.gap_series = QHorizontalStackedBarSeries()
        self.gap_axes = self._build_chart(self.gap_chart, self.gap_series)
        self.gap_axes[1].setLabelFormat("%d")
        self.gap_axes[1].setTickType(QValueAxis.TickType.TicksFixed)
        self.gap_axes[1].setMinorTickCount(0)
        self.gap_chart.setMinimumHeight(self._chart_height(len(RULES)))
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt's default: descending
        self.funding_table = QTableWidget(self)
        self.funding_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # The inputs last typed, if any: the export and the printed table take them too.
        typed = settings.funding_inputs() if settings is not None else FundingInputs()
        self.allowance = [self._spin(v, 10_000) for v in typed.monthly_allowance]
        self.staff = [self._spin(v, 100_000) for v in typed.staff_by_level]

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Breakdown"), self))
        top.addWidget(self.dimension)
        top.addWidget(refresh)
        top.addWidget(self.export_button)
        top.addWidget(self.export_note)
        top.addStretch(1)
        headline = QHBoxLayout()
        for label in (self.org_rate, self.work_rate, self.gap_total):
            headline.addWidget(label, 1)
        charts = QHBoxLayout()
        charts.addWidget(self.coverage_chart, 1)
        charts.addWidget(self.gap_chart, 1)
        funding_box = QGroupBox(self.tr("Funding estimate for the year"), self)
        inputs = QGridLayout()
        inputs.addWidget(QLabel(self.tr("Level"), self), 0, 0)
        inputs.addWidget(QLabel(self.tr("Monthly allowance (yuan)"), self), 0, 1)
        inputs.addWidget(QLabel(self.tr("Certified staff"), self), 0, 2)
        for level in range(3):
            inputs.addWidget(QLabel(str(level + 1), self), level + 1, 0)
            inputs.addWidget(self.allowance[level], level + 1, 1)
            inputs.addWidget(self.staff[level], level + 1, 2)
        funding_layout = QHBoxLayout(funding_box)
        form = QFormLayout()
        form.addRow(inputs)
        funding_layout.addLayout(form)
        funding_layout.addWidget(self.funding_table, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.table, 3)
        lower.addWidget(funding_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(headline)
        layout.addLayout(charts, 2)
        layout.addLayout(lower, 3)

    def _dimensions(self) -> dict[str, str]:
        return {
            "all": self.tr("Whole zone"),
            "subdistrict": self.tr("Subdistrict"),
            "cluster": self.tr("Cluster"),
            "building": self.tr("Building"),
            "industry": self.tr("Industry"),
            "ownership": self.tr("Ownership"),
            "size": self.tr("Size (above designated size or not)"),
            "key_industry": self.tr("Key industry"),
        }

    def _spin(self, value: int, maximum: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(0, maximum)
        spin.setValue(value)
        spin.valueChanged.connect(self._funding_typed)
        return spin

    def _funding_typed(self) -> None:
        if self.settings is not None:
            inputs = self.funding_inputs()
            self.settings.set_funding_levels(inputs.monthly_allowance, inputs.staff_by_level)
        self.refresh()

    def funding_inputs(self) -> FundingInputs:
        return FundingInputs(
            monthly_allowance=tuple(s.value() for s in self.allowance),
            staff_by_level=tuple(s.value() for s in self.staff),
        )

    def set_database(self, db: Database | None) -> None:
        """Use `db`; the figures load now if the dashboard is shown, else when first shown."""
        self.db = db
        self._stale = True
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
        self._stale = False
        db = self.db
        if db is None:
            return
        dimension = self.dimension.currentData()
        funding = self.funding_inputs()

        def work(_progress: object) -> Summary:
            with db.reader() as session:
                return summarize(session, dimension, funding)

        run_task(self, work, self.show_summary, self._failed)

    def export(self) -> None:
        """The workbook `yeda export-xlsx statistics` writes, with this tab's funding inputs."""
        if self.db is not None:
            self.export_note.clear()
            self.exporting.start(self.db, self.tr("Export the statistics"),
                                 self.tr("Exporting the statistics…"),
                                 self.tr("Exported %1 rows"), funding=self.funding_inputs())

    def _failed(self, exc: BaseException) -> None:
        # Bound methods only: a lambda holding `self` on a task's signal crashes PySide at exit.
        self.gap_total.setText(str(exc))

    # --- showing -------------------------------------------------------------------------

    def _group_label(self, group: str) -> str:
        dimension = self.dimension.currentData()
        if dimension == "ownership":
            return ownership_label(group)  # in the window's language
        if dimension == "size":
            return (self.tr("Above designated size") if group == ABOVE_SIZE
                    else self.tr("Below designated size"))
        if dimension == "industry" and group in INDUSTRY_SECTIONS:
            return industry_label(group)
        if dimension == "key_industry":
            try:
                return key_industry_label(KeyIndustry(group))
            except ValueError:
                return self.tr("No key industry")
        return group_label(dimension, group)

    def show_summary(self, summary: Summary) -> None:
        self.summary = summary
        now, before = summary.total_now, summary.total_before
        self.org_rate.setText(
            self.tr("Organization coverage %1 (previous %2)")
            .replace("%1", _pct(now.org_rate if now else None))
            .replace("%2", _pct(before.org_rate if before else None)))
        self.work_rate.setText(
            self.tr("Work coverage %1 (previous %2)")
            .replace("%1", _pct(now.work_rate if now else None))
            .replace("%2", _pct(before.work_rate if before else None)))
        open_gaps = sum(g.count for g in summary.gaps if g.status in OPEN_STATUSES)
        self.gap_total.setText(self.tr("Open gaps: %1").replace("%1", f"{open_gaps:,}"))
        self._coverage_chart(summary.coverage_now)
        self._gap_chart(summary)
        self._table(summary)
        self._funding(summary)
        self.loaded.emit()

    def _build_chart(self, view: QChartView,
                     series: QHorizontalBarSeries | QHorizontalStackedBarSeries,
                     ) -> tuple[QBarCategoryAxis, QValueAxis]:
        """One chart per view for the widget's life; updates only change its sets and axes.

        Narrow margins leave the plot the height its category labels need, and the axes
        use the widget's font (the bundled Chinese one), not the chart theme's.
        """
        chart = view.chart()
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.addSeries(series)
        categories, values = QBarCategoryAxis(), QValueAxis()
        for axis in (categories, values):
            axis.setLabelsFont(self.font())
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        return categories, values

    def _coverage_chart(self, rows: list[CoverageRow]) -> None:
        # The largest groups, the largest at the top (the axis lists from the bottom).
        shown = sorted(rows, key=lambda r: -r.organizations)[:12][::-1]
        org_set = QBarSet(self.tr("Organization coverage %"))
        work_set = QBarSet(self.tr("Work coverage %"))
        for row in shown:
            org_set.append(round(row.org_rate * 100, 1))
            work_set.append(round(row.work_rate * 100, 1))
        self.coverage_series.clear()
        self.coverage_series.append([org_set, work_set])
        self.coverage_chart.chart().setTitle(
            self.tr("Coverage by %1").replace("%1", self.dimension.currentText()))
        self.coverage_axes[0].clear()
        self.coverage_axes[0].append([self._group_label(r.group) for r in shown])
        self.coverage_axes[1].setRange(0, 100)
        height = self._chart_height(len(shown))
        self.coverage_chart.setMinimumHeight(max(CHART_MIN_HEIGHT, height))

    def _gap_chart(self, summary: Summary) -> None:
        open_set = QBarSet(self.tr("Open"))
        done_set = QBarSet(self.tr("Finished"))
        names, most = [], 0
        for rule in RULES:
            counts = [g for g in summary.gaps if g.rule_id == rule.id]
            still_open = sum(g.count for g in counts if g.status in OPEN_STATUSES)
            finished = sum(g.count for g in counts if g.status not in OPEN_STATUSES)
            open_set.append(still_open)
            done_set.append(finished)
            names.append(rule_label(rule.id))
            most = max(most, still_open + finished)
        self.gap_series.clear()
        self.gap_series.append([open_set, done_set])
        self.gap_chart.chart().setTitle(self.tr("Ledger gaps by rule"))
        self.gap_axes[0].clear()
        self.gap_axes[0].append(names)
        top, step = count_ticks(most)
        self.gap_axes[1].setRange(0, top)
        self.gap_axes[1].setTickCount(top // step + 1)

    def _chart_height(self, categories: int) -> int:
        """The height at which QtCharts draws every group's or rule's name whole, not "…".

        It gives each category label the axis height / (categories + 1), so the chart
        grows with the number of categories and the font rather than eliding the names.
        """
        line = QFontMetrics(self.gap_axes[0].labelsFont()).height()
        return (categories + 1 + CHART_TEXT_LINES) * (line + LABEL_ROOM)

    def _table(self, summary: Summary) -> None:
        headers = [self.dimension.currentText(), self.tr("Organizations"),
                   self.tr("Organization coverage"), self.tr("Previous"),
                   self.tr("Work coverage"), self.tr("Previous"), self.tr("Floors swept"),
                   self.tr("Units visited"), self.tr("Units visited, previous campaign")]
        groups = summary.groups()
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(groups))
        for r, g in enumerate(groups):
            row, prev, prog, prog_before = (g.coverage, g.coverage_before, g.progress,
                                            g.progress_before)
            label = self._group_label(row.group)
            cells = [
                _Cell(label, label), _Cell(f"{row.organizations:,}", (row.organizations,)),
                _rate_cell(row.org_rate), _rate_cell(prev.org_rate if prev else None),
                _rate_cell(row.work_rate), _rate_cell(prev.work_rate if prev else None),
                _share_cell(prog.floors_swept if prog else None, prog.floors if prog else None),
                _share_cell(prog.units_visited if prog else None, prog.units if prog else None),
                _share_cell(prog_before.units_visited if prog_before else None,
                            prog_before.units if prog_before else None),
            ]
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _funding(self, summary: Summary) -> None:
        lines = summary.funding.lines
        self.funding_table.clear()
        self.funding_table.setColumnCount(3)
        self.funding_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Count"), self.tr("Amount (yuan)")])
        self.funding_table.setRowCount(len(lines) + 1)
        for r, line in enumerate(lines):
            label = line.label_en if self.lang == "en" else line.label_zh  # the window's words
            for c, text in enumerate((label, f"{line.count:,}", f"{line.amount:,}")):
                self.funding_table.setItem(r, c, QTableWidgetItem(text))
        self.funding_table.setItem(len(lines), 0, QTableWidgetItem(self.tr("Total")))
        self.funding_table.setItem(len(lines), 2,
                                   QTableWidgetItem(f"{summary.funding.total:,}"))
        self.funding_table.resizeColumnsToContents()
