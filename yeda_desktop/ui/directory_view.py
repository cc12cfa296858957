"""The "all organizations" tab (单位名录): filters over a lazily loaded, sortable table,
and the organization workbook of those listed (导出…).

Signals: `open_place(building_id, floor_id, unit_id)` when an organization is
double-clicked (or Enter is pressed on it), to open it in the sweep workspace.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry, Ownership
from yeda_desktop.services import directory
from yeda_desktop.storage import Database
from yeda_desktop.ui.directory_model import DirectoryModel
from yeda_desktop.ui.labels import industry_label, key_industry_label
from yeda_desktop.ui.ledger_labels import ownership_label
from yeda_desktop.ui.tasks import run_task
from yeda_desktop.ui.workbook_export import WorkbookExport

TYPING_PAUSE_MS = 250  # the filter box narrows the list this long after the last key


class DirectoryView(QWidget):
    """Signals: `open_place(str, str, str)`; `unplaced(str)` for an organization with no unit."""

    open_place = Signal(str, str, str)
    unplaced = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, page_size: int = directory.PAGE, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self._listed: int | None = None  # the organizations the filters list, once counted
        self.choices = directory.PlaceChoices([], [], [])
        self._db: Database | None = None
        self._db_pending = False
        self._rows_stale = False  # the data changed since the rows were read
        self.model = DirectoryModel(self, page_size)
        self.subdistrict = self._combo("subdistrict")
        self.cluster = self._combo("cluster")
        self.building = self._combo("building")
        self.ownership = self._combo("ownership")
        self.industry = self._combo("industry")
        self.mark = self._combo("mark")
        self.gaps = self._combo("gaps")
        self.text = QLineEdit(self)
        self.text.setObjectName("directory-text")
        self.text.setPlaceholderText(self.tr("Name, pinyin initials, USCC or phone"))
        self.text.setToolTip(self.tr(
            "Show only the organizations this finds, as the search box does"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(self.text.fontMetrics().horizontalAdvance("M" * 22))
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply)
        self.text.textChanged.connect(self._typing.start)
        for text, value in (
            (self.tr("Gaps: any"), None),
            (self.tr("With open gaps"), True),
            (self.tr("Without open gaps"), False),
        ):
            self.gaps.addItem(text, value)
        self.ownership.addItem(self.tr("Any ownership"), None)
        for own in Ownership:
            self.ownership.addItem(ownership_label(own), own.value)
        self.industry.addItem(self.tr("Any industry"), None)
        for code in INDUSTRY_SECTIONS:
            self.industry.addItem(industry_label(code), code)
        # As wide as a short section's name; the list opens wide enough for the longest.
        self.industry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.industry.setMinimumContentsLength(9)
        self.industry.view().setMinimumWidth(self.industry.view().sizeHintForColumn(0) + 24)
        # One choice among the marks and the key industries: "mark:above_size", "key:express".
        self.mark.addItem(self.tr("Any mark"), None)
        for mark, text in (("above_size", self.tr("Above designated size")),
                           ("listed", self.tr("Listed")),
                           ("key_enterprise", self.tr("Key enterprise"))):
            self.mark.addItem(text, f"mark:{mark}")
        for industry in KeyIndustry:
            self.mark.addItem(self.tr("Key industry: %1").replace(
                "%1", key_industry_label(industry)), f"key:{industry.value}")
        self.total = QLabel(self)
        self.exporting = WorkbookExport(self, "organizations", "两新组织名单.xlsx", lang)
        self.exporting.said.connect(self.total.setText)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("directory-export")
        self.export_button.setToolTip(
            self.tr("Write the organizations listed to an Excel workbook"))
        self.export_button.clicked.connect(self.export)
        self.table = QTableView(self)
        self.table.setObjectName("directory-table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 160)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.model.counted.connect(self._show_total)
        filters = QHBoxLayout()
        for widget in (self.text, self.subdistrict, self.cluster, self.building, self.ownership,
                       self.industry, self.mark, self.gaps):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.total)
        filters.addWidget(self.export_button)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        self.subdistrict.currentIndexChanged.connect(self._subdistrict_changed)
        self.cluster.currentIndexChanged.connect(self._cluster_changed)
        for combo in (self.building, self.ownership, self.industry, self.mark, self.gaps):
            combo.currentIndexChanged.connect(self._apply)
        self._fill_places()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"directory-{name}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaxVisibleItems(25)
        return combo

    # --- the database --------------------------------------------------------------------

    def set_database(self, db: Database | None) -> None:
        """Use `db`; its rows are read when the tab is first shown, not before."""
        self._db, self._db_pending = db, True
        self._rows_stale = False
        if self.isVisible():
            self._load()

    def mark_stale(self) -> None:
        """The data changed (edits, a batch): the rows are read again, with the same filter
        and order, now if shown, else when next shown."""
        self._rows_stale = True
        if self.isVisible():
            self._reload_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._db_pending:
            self._load()
        elif self._rows_stale:
            self._reload_rows()

    def _reload_rows(self) -> None:
        self._rows_stale = False
        if self._db is not None and not self._db_pending:
            self.model.reload()

    def _load(self) -> None:
        db, self._db_pending = self._db, False
        self.model.db = db
        if db is None:
            self.choices = directory.PlaceChoices([], [], [])
            self._fill_places()
            self.model.set_database(None)
            return

        def work(_progress: object) -> directory.PlaceChoices:
            with db.reader() as session:
                return directory.place_choices(session)

        run_task(self, work, self._choices_arrived, lambda _e: None)
        self.model.set_database(db)

    def _choices_arrived(self, choices: directory.PlaceChoices) -> None:
        self.choices = choices
        self._fill_places()

    # --- filters -------------------------------------------------------------------------

    def _refill(self, combo: QComboBox, any_text: str, items: list[tuple[str, str]]) -> None:
        """(label, id) items after the "all" one."""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for label, item_id in items:
            combo.addItem(label, item_id)
        combo.blockSignals(False)

    def _fill_places(self) -> None:
        subdistricts = [(name, sub_id) for sub_id, name in self.choices.subdistricts]
        self._refill(self.subdistrict, self.tr("All subdistricts"), subdistricts)
        self._subdistrict_changed()

    def _subdistrict_changed(self) -> None:
        clusters = self.choices.clusters_in(self.subdistrict.currentData())
        self._refill(self.cluster, self.tr("All clusters"), clusters)
        self._cluster_changed()

    def _cluster_changed(self) -> None:
        cluster = self.cluster.currentData()
        offered = {i for i in (self.cluster.itemData(n) for n in range(self.cluster.count())) if i}
        buildings = self.choices.buildings_in({cluster} if cluster is not None else offered)
        self._refill(self.building, self.tr("All buildings"), buildings)
        self._apply()

    def current_filter(self) -> directory.DirectoryFilter:
        own = self.ownership.currentData()
        kind, _, code = (self.mark.currentData() or "").partition(":")
        return directory.DirectoryFilter(
            subdistrict_id=self.subdistrict.currentData(),
            cluster_id=self.cluster.currentData(),
            building_id=self.building.currentData(),
            ownership=Ownership(own) if own else None,
            industry_section=self.industry.currentData(),
            has_gaps=self.gaps.currentData(),
            text=self.text.text().strip(),
            mark=code if kind == "mark" else None,
            key_industry=KeyIndustry(code) if kind == "key" else None,
        )

    def _apply(self) -> None:
        self._typing.stop()  # a choice made while typing takes the text as it stands
        flt = self.current_filter()
        if flt != self.model.filter:
            self._listed = None  # until the new filter's count arrives
            self.model.set_filter(flt)

    def _show_total(self, n: int) -> None:
        self._listed = n
        self.total.setText(self.tr("%1 organizations").replace("%1", f"{n:,}"))

    # --- export ----------------------------------------------------------------------------

    def export(self) -> None:
        """The organizations the filters list (the workbook's own order), in the columns
        `yeda export-xlsx organizations` writes, which the Excel import reads back."""
        db = self._db
        if db is None:
            return
        wanted = self.current_filter()
        narrowed = wanted != directory.DirectoryFilter()
        title = (self.tr("Export the %1 organizations listed")
                 .replace("%1", f"{self._listed:,}")
                 if narrowed and self._listed is not None
                 else self.tr("Export organizations"))
        self.exporting.start(db, title, self.tr("Exporting the organizations…"),
                             self.tr("Exported %1 organizations"),
                             organization_filter=wanted if narrowed else None)

    # --- opening ---------------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if row.building_id and row.floor_id and row.unit_id:
            self.open_place.emit(row.building_id, row.floor_id, row.unit_id)
        else:
            self.unplaced.emit(row.name)
