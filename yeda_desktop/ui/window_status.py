"""The main window's status bar and the hint above an empty floor: who records, what is
not yet exported, where buildings come from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar

from yeda_desktop.ui.tasks import run_task

if TYPE_CHECKING:
    from yeda_desktop.services.progress import PlaceTree


class StatusLines:
    """MainWindow's part that keeps the status bar and the floor heading's hint current."""

    def _build_status(self) -> None:
        self.status_busy = QProgressBar()  # while a database opens
        self.status_busy.setMaximumWidth(160)
        self.status_busy.setTextVisible(False)
        self.status_busy.hide()
        self.statusBar().addPermanentWidget(self.status_busy)  # beside, not under, the message
        self.status_db = QLabel()
        self.status_officer = QLabel()
        self._at_centre = False  # known once the database says (`_show_unsent`)
        self._no_buildings = False  # the open zone has none (`_show_place_hint`)
        self.status_campaign = QLabel()
        self.status_unsent = QLabel()
        for label in (
            self.status_db,
            self.status_officer,
            self.status_campaign,
            self.status_unsent,
        ):
            self.statusBar().addPermanentWidget(label)
        self._show_officer()

    def _show_officer(self) -> None:
        """Who records the edits: a team's officer, or at the centre its administrator."""
        officer = self.settings.officer or self.tr("(no officer set)")
        if self._at_centre:
            self.status_officer.setText(self.tr("Administrator: %1").replace("%1", officer))
            return
        team = self.settings.team
        self.status_officer.setText(
            self.tr("Officer: %1").replace("%1", f"{officer} {team}".strip())
        )

    def _show_place_hint(self, tree: PlaceTree | None = None) -> None:
        """Above the empty floor: where buildings come from, while there are none (a new
        laptop before its baseline, one just moved to another centre, a new centre, which
        makes its own). Without `tree`: the role became known, the zone is as before."""
        if tree is not None:
            self._no_buildings = not any(n.kind == "building" for n in tree.nodes.values())
        if not self._no_buildings:
            self.floor_heading.setText(self.tr("Choose a building and floor"))
            self.floor_heading.setWordWrap(False)
            return
        if self._at_centre:
            self.floor_heading.setText(self.tr(
                "No buildings yet: add the zone's clusters and buildings (Sweep → Add "
                "cluster…, Add building…), then give each team its buildings on the Teams tab"))
        else:
            self.floor_heading.setText(self.tr(
                "No buildings yet: import the centre's baseline (Exchange → Import packages…) "
                "or add one (Sweep → Add building…)"))
        self.floor_heading.setWordWrap(True)

    def recount_unsent(self) -> None:
        """Count again what the next batch would carry (after edits, an export, a role)."""
        if self.workspace is None:
            return
        from yeda_desktop.syncflow.batch_export import unsent_work

        db = self.workspace.db
        run_task(self, lambda _p: unsent_work(db), self._show_unsent, lambda _e: None)

    def _show_unsent(self, unsent: object) -> None:
        """What the next batch would carry; nothing at the centre, which hands no batch in."""
        from yeda_desktop.local_time import local_minute
        from yeda_desktop.syncflow.batch_export import Unsent

        at_centre = not isinstance(unsent, Unsent)
        if at_centre != self._at_centre:
            self._at_centre = at_centre
            self._show_officer()
            if self._no_buildings:  # the hint differs (a floor in view stays)
                self._show_place_hint()
        if not isinstance(unsent, Unsent):
            self.status_unsent.hide()
            return
        self.status_unsent.setText(
            self.tr("Not yet exported: %1 records").replace("%1", f"{unsent.records:,}")
        )
        if unsent.last_export_at is None:
            since = self.tr("No batch exported yet.")
        else:
            since = (self.tr("Last export: batch %1, %2.")
                     .replace("%1", str(unsent.last_sequence))
                     .replace("%2", local_minute(unsent.last_export_at)))
            since += " " + self.tr("The centre's receipts confirm %1 of %2 batches.").replace(
                "%1", str(unsent.confirmed)).replace("%2", str(unsent.last_sequence))
        self.status_unsent.setToolTip(
            self.tr("%1 changes in %2 records; the next export carries them.")
            .replace("%1", f"{unsent.changes:,}").replace("%2", f"{unsent.records:,}")
            + " " + since
        )
        self.status_unsent.show()
