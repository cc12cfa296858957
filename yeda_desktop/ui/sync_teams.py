"""Teams view at the centre: the campaign's sweep teams and the buildings each sweeps.

A team's buildings are the scope of the baseline its laptops get (数据包 tab); the teams
reach the laptops with the centre's profile. The work is `services.teams`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yeda_desktop.errors import YedaError
from yeda_desktop.services import campaigns, sweep, teams
from yeda_desktop.services.campaigns import YEARS
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.local_campaign import open_campaign
from yeda_desktop.ui.fresh_view import FreshView
from yeda_desktop.ui.i18n import current_lang


class TeamsView(FreshView):
    """Signals: `changed()` after a team was added, renamed or removed or its buildings saved;
    `campaign_started()` after a new year's campaign became the current one."""

    changed = Signal()
    campaign_started = Signal()

    def __init__(self, db: Database, officer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.officer = db, officer
        self.campaign_id = ""
        self.year = date.today().year - 1  # the current campaign's
        self.team_ids: list[str] = []
        self.team_names: list[str] = []
        self.building_ids: list[str] = []
        self.places: list[teams.Placement] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.teams = QListWidget(self)
        self.add_button = QPushButton(self.tr("New team…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.new_year_button = QPushButton(self.tr("Start a new year's campaign…"), self)
        self.buildings = QTableWidget(0, 3, self)
        self.buildings.setHorizontalHeaderLabels(
            [self.tr("Building"), self.tr("Where"), self.tr("Swept by")])
        self.buildings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buildings.horizontalHeader().setStretchLastSection(True)
        self.save_button = QPushButton(self.tr("Save the team's buildings"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.addWidget(self.teams, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.add_button)
        left_buttons.addWidget(self.rename_button)
        left_buttons.addWidget(self.remove_button)
        left_box.addLayout(left_buttons)
        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.buildings, 1)
        right_buttons = QHBoxLayout()
        right_buttons.addWidget(self.save_button)
        right_buttons.addWidget(self.message, 1)
        right_box.addLayout(right_buttons)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_year_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.teams.currentRowChanged.connect(self._team_chosen)
        self.buildings.itemChanged.connect(lambda _item: self._say_unsaved())
        self._shown_team: str | None = None  # whose buildings the ticks are
        self.add_button.clicked.connect(self.ask_new_team)
        self.rename_button.clicked.connect(self.ask_rename)
        self.remove_button.clicked.connect(self.ask_remove)
        self.save_button.clicked.connect(self.save)
        self.new_year_button.clicked.connect(self.ask_new_year)
        self.refresh()

    # -- reading ----------------------------------------------------------------
    def refresh(self) -> None:
        """Teams and buildings read again, on the team that was chosen; ticks not yet
        saved stay as they were (the tab is read again each time it is shown)."""
        chosen = self.current_team()
        # Only the shown team's own ticks (a save on the way to another team read them).
        pending = set(self.checked_buildings()) \
            if self.has_unsaved() and chosen == self._shown_team else None
        with self.db.reader() as session:
            campaign = sweep.current_campaign(session)
            self.campaign_id = campaign.id if campaign else ""
            self.year = campaign.year if campaign else date.today().year - 1
            rows = teams.list_teams(session, self.campaign_id) if campaign else []
            # Read once here; choosing another team only ticks other rows.
            self.places = teams.placements(session, self.campaign_id) if campaign else []
        name = campaign.name if campaign else "—"
        self.heading.setText(self.tr(
            "Campaign %1. Each building is swept by one team; a team's buildings are what "
            "its laptops' baseline holds. After adding, renaming or removing teams, export the "
            "centre profile again for the laptops.").replace("%1", name))
        self.teams.blockSignals(True)
        self.teams.clear()
        self.team_ids = [t.id for t in rows]
        self.team_names = [t.name for t in rows]
        for t in rows:
            self.teams.addItem(QListWidgetItem(
                self.tr("%1 (%n building(s))", "", t.buildings).replace("%1", t.name)))
        self.teams.blockSignals(False)
        at = self.team_ids.index(chosen) if chosen in self.team_ids else 0
        if self.team_ids:
            self.teams.blockSignals(True)
            self.teams.setCurrentRow(at)
            self.teams.blockSignals(False)
        self._show_buildings(self.teams.currentRow())
        if pending is not None and self.current_team() == chosen:
            self._tick(pending)

    def _saved_buildings(self) -> set[str]:
        return {p.building_id for p in self.places
                if self._shown_team is not None and p.team_id == self._shown_team}

    def has_unsaved(self) -> bool:
        """The ticks differ from the buildings the shown team has saved."""
        return self._shown_team is not None and \
            set(self.checked_buildings()) != self._saved_buildings()

    def _tick(self, building_ids: set[str]) -> None:
        self.buildings.blockSignals(True)
        for r, building in enumerate(self.building_ids):
            self.buildings.item(r, 0).setCheckState(
                Qt.CheckState.Checked if building in building_ids else Qt.CheckState.Unchecked)
        self.buildings.blockSignals(False)
        self._say_unsaved()

    def _say_unsaved(self) -> None:
        """The line under the buildings says whether ticks wait to be saved (and is left to
        other news, a save's, otherwise)."""
        said = self.tr("Not saved yet: press \"Save the team's buildings\".")
        if self.has_unsaved():
            self.message.setText(said)
        elif self.message.text() == said:
            self.message.setText("")

    def settle_unsaved(self) -> bool:
        """Ticks not saved for the shown team: saved or dropped as the administrator says.
        False when they stay (Cancel, or the save was refused): whatever was to happen
        next (another team, closing the window) does not."""
        if not self.has_unsaved():
            return True
        team = self._shown_team
        name = self.team_names[self.team_ids.index(team)] if team in self.team_ids else ""
        answer = QMessageBox.question(
            self, self.tr("Unsaved buildings"),
            self.tr("The buildings ticked for \"%1\" are not saved. Save them?")
            .replace("%1", name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self._save_for(team)
        if answer == QMessageBox.StandardButton.Discard:
            self._tick(self._saved_buildings())
            return True
        return False

    def _team_chosen(self, row: int) -> None:
        """Another team chosen: the ticks of the one before are settled first; kept, the
        choice is undone."""
        before = self._shown_team
        target = self.team_ids[row] if 0 <= row < len(self.team_ids) else None
        settled = self.settle_unsaved()  # a save reads the teams again
        back = before if not settled else target
        self.teams.blockSignals(True)
        self.teams.setCurrentRow(self.team_ids.index(back) if back in self.team_ids else -1)
        self.teams.blockSignals(False)
        if settled and self._shown_team != back:  # a save showed it already, and said so
            self._show_buildings(self.teams.currentRow())

    def current_team(self) -> str | None:
        row = self.teams.currentRow()
        return self.team_ids[row] if 0 <= row < len(self.team_ids) else None

    def _show_buildings(self, _row: int) -> None:
        team = self.current_team()
        self._shown_team = team
        places = self.places
        self.buildings.blockSignals(True)
        self.building_ids = [p.building_id for p in places]
        self.buildings.setRowCount(len(places))
        for r, place in enumerate(places):
            name = QTableWidgetItem(place.building)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          if team else Qt.ItemFlag.ItemIsEnabled)
            name.setCheckState(Qt.CheckState.Checked if team and place.team_id == team
                               else Qt.CheckState.Unchecked)
            self.buildings.setItem(r, 0, name)
            self.buildings.setItem(r, 1, QTableWidgetItem(place.place))
            self.buildings.setItem(r, 2, QTableWidgetItem(place.team or self.tr("(no team)")))
        self.buildings.blockSignals(False)
        self.buildings.resizeColumnToContents(0)
        self.buildings.resizeColumnToContents(1)
        self.save_button.setEnabled(team is not None)
        self.rename_button.setEnabled(team is not None)
        self.remove_button.setEnabled(team is not None)
        self.message.setText("" if places else self.tr(
            "No buildings yet: add them on the Sweep tab (Sweep → Add building…)."))

    def checked_buildings(self) -> list[str]:
        return [self.building_ids[r] for r in range(self.buildings.rowCount())
                if self.buildings.item(r, 0).checkState() == Qt.CheckState.Checked]

    # -- changing ---------------------------------------------------------------
    def ask_new_team(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New team"), self.tr("Team name"))
        if ok:
            self.add_team(name)

    def add_team(self, name: str) -> bool:
        """A new team of the current campaign (made now at a centre that has none)."""
        try:
            with self.db.session(officer=self.officer or None) as session:
                team = teams.add_team(session, open_campaign(session).id, name)
                new_id = team.id
        except YedaError as exc:
            self._refused(self.tr("Team not added"), exc)
            return False
        self.refresh()
        self.teams.setCurrentRow(self.team_ids.index(new_id))
        self.changed.emit()
        return True

    def ask_rename(self) -> None:
        if self.current_team() is None:
            return
        before = self.team_names[self.teams.currentRow()]
        name, ok = QInputDialog.getText(self, self.tr("Rename team"), self.tr("Team name"),
                                        text=before)
        if ok:
            self.rename(name)

    def rename(self, name: str) -> bool:
        team = self.current_team()
        if team is None:
            return False
        try:
            with self.db.session(officer=self.officer or None) as session:
                teams.rename_team(session, team, name)
        except YedaError as exc:
            self._refused(self.tr("Team not renamed"), exc)
            return False
        self.refresh()
        self.changed.emit()
        return True

    def ask_remove(self) -> None:
        if self.current_team() is None:
            return
        name = self.team_names[self.teams.currentRow()]
        answer = QMessageBox.question(
            self, self.tr("Remove team"),
            self.tr("Remove the team %1? Its buildings are left without a team. A team that "
                    "recorded visits or that a laptop is enrolled for cannot be removed. "
                    "Export the centre profile again for the laptops.").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.remove()

    def remove(self) -> bool:
        team = self.current_team()
        if team is None:
            return False
        name = self.team_names[self.teams.currentRow()]
        try:
            with self.db.session(officer=self.officer or None) as session:
                freed = teams.remove_team(session, team)
        except YedaError as exc:
            self._refused(self.tr("Team not removed"), exc)
            return False
        self.refresh()
        self.message.setText(
            self.tr("%1 removed; %n building(s) now without a team.", "", len(freed))
            .replace("%1", name))
        self.changed.emit()
        return True

    def save(self) -> bool:
        """The chosen team sweeps exactly the ticked buildings (taken from other teams)."""
        return self._save_for(self._shown_team)

    def _save_for(self, team: str | None) -> bool:
        if team is None:
            return False
        try:
            with self.db.session(officer=self.officer or None) as session:
                done = teams.assign(session, team, self.checked_buildings(), exactly=True)
        except YedaError as exc:
            self._refused(self.tr("Buildings not saved"), exc)
            return False
        self.refresh()
        moved = "；".join(self.tr("%1 from %2").replace("%1", b).replace("%2", t)
                         for b, t in done.moved_from.items())
        self.message.setText(
            self.tr("Saved: %1 added, %2 removed.").replace("%1", str(len(done.added)))
            .replace("%2", str(len(done.removed))) + (f" {moved}" if moved else ""))
        self.changed.emit()
        return True

    def ask_new_year(self) -> None:
        year, ok = QInputDialog.getInt(self, self.tr("New campaign"), self.tr("Year"),
                                       self.year + 1, YEARS[0], YEARS[-1])
        if not ok:
            return
        answer = QMessageBox.question(
            self, self.tr("New campaign"),
            self.tr("Start the %1 campaign? It becomes the current one: every unit counts as "
                    "not visited again, and the teams and their buildings are those of now. "
                    "Export the centre profile again for the laptops.")
            .replace("%1", str(year)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.start_year(year)

    def start_year(self, year: int) -> bool:
        try:
            with self.db.session(officer=self.officer or None) as session:
                started = campaigns.start_campaign(session, year)
                name = started.campaign.name
        except YedaError as exc:
            self._refused(self.tr("Campaign not started"), exc)
            return False
        self.refresh()
        self.message.setText(self.tr("%1 started; the teams and buildings of %2 carried over.")
                             .replace("%1", name).replace("%2", started.previous or "—"))
        self.campaign_started.emit()
        return True

    def _refused(self, title: str, exc: YedaError) -> None:
        QMessageBox.warning(self, title, exc.message(current_lang()))
