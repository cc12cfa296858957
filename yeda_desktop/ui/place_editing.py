"""Adding clusters, buildings, floors and units, and attaching an organization, from the
main window's Sweep menu (each an undoable edit of the workspace)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yeda_desktop.ui import dialogs


class PlaceEditing:
    """MainWindow's part that edits the zone's places through their dialogs."""

    def _run_dialog(self, dialog: dialogs.FormDialog) -> None:
        if dialog.exec() and dialog.edit is not None and self.workspace is not None:
            self.workspace.do(dialog.edit)
        dialog.deleteLater()  # the window would keep every one it opened until it closed

    def add_units(self) -> None:
        if self.workspace is not None and self.floor_id is not None:
            from yeda_desktop.ui import dialogs

            self._run_dialog(dialogs.UnitsDialog(self.workspace, self.floor_id, self))

    def add_floor(self) -> None:
        if self.workspace is not None and self.building_id is not None:
            from yeda_desktop.ui import dialogs

            self._run_dialog(dialogs.FloorDialog(self.workspace, self.building_id, self))
            self.navigator.fill_floors(self.building_id)

    def add_building(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        from yeda_desktop.services.places import cluster_choices
        from yeda_desktop.ui import dialogs

        with ws.read() as session:
            clusters = cluster_choices(session)
        if not clusters:  # a zone set up for real starts with its first cluster
            if not self.add_cluster():
                return
            with ws.read() as session:
                clusters = cluster_choices(session)
        current = (
            self.navigator.tree.nodes[self.building_id].parent_id
            if (self.building_id and self.navigator.tree)
            else None
        )
        dialog = dialogs.BuildingDialog(ws, clusters, current, self)
        if dialog.exec() and dialog.edit is not None:
            ws.do(dialog.edit)
            self._reload_tree()
        dialog.deleteLater()

    def add_cluster(self) -> bool:
        """A park or building group (with its subdistrict and zone, if new); True if added."""
        ws = self.workspace
        if ws is None:
            return False
        from yeda_desktop.ui import dialogs

        dialog = dialogs.ClusterDialog(ws, self)
        added = bool(dialog.exec()) and dialog.edit is not None
        if added and dialog.edit is not None:
            ws.do(dialog.edit)
            self._reload_tree()
        dialog.deleteLater()
        return added

    def _reload_tree(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        from yeda_desktop.services import progress

        with ws.read() as session:
            tree = progress.place_tree(session, ws.campaign_id)
        self.navigator.load(ws, tree)
        if self.floor_id is None:  # the hint follows: the first building was just added
            self._show_place_hint(tree)

    def show_party_list(self) -> None:
        """扫楼 → 党组织一览…: every party organization, to find and correct one."""
        if self.workspace is None:
            return
        from yeda_desktop.ui.party_list_dialog import PartyListDialog

        dialog = PartyListDialog(self.workspace, self)
        dialog.exec()
        dialog.deleteLater()

    def attach_existing(self) -> None:
        ws, unit = self.workspace, self.floor_view.current_unit()
        if ws is None or unit is None:
            return
        from yeda_desktop.services import sweep
        from yeda_desktop.ui import dialogs

        dialog = dialogs.AttachDialog(ws, self)
        if dialog.exec() and dialog.chosen is not None:
            with ws.read() as session:
                ws.do(
                    sweep.attach_organization(
                        session, unit, dialog.chosen.ref_id, ws.campaign_id, ws.officer,
                        team_id=ws.team_id,
                    )
                )
        dialog.deleteLater()
