"""The domain model (SQLAlchemy 2 typed ORM); importing it registers every table."""

from yeda_desktop.models import sync  # noqa: F401 - registers the sync bookkeeping tables
from yeda_desktop.models.base import Base, Synced, new_id, utcnow
from yeda_desktop.models.campaign import Campaign, Team, TeamBuilding, Visit
from yeda_desktop.models.changelog import AppState, ChangeLog
from yeda_desktop.models.device import Device
from yeda_desktop.models.ledger import Gap, GapEvent
from yeda_desktop.models.organization import Occupancy, Organization, Person
from yeda_desktop.models.party import (
    Instructor,
    InstructorAssignment,
    PartyOrg,
    PartyOrgCoverage,
)
from yeda_desktop.models.zone import Building, Cluster, Floor, Subdistrict, Unit, Zone

__all__ = [
    "AppState",
    "Base",
    "Building",
    "Campaign",
    "ChangeLog",
    "Cluster",
    "Device",
    "Floor",
    "Gap",
    "GapEvent",
    "Instructor",
    "InstructorAssignment",
    "Occupancy",
    "Organization",
    "PartyOrg",
    "PartyOrgCoverage",
    "Person",
    "Subdistrict",
    "Synced",
    "Team",
    "TeamBuilding",
    "Unit",
    "Visit",
    "Zone",
    "new_id",
    "utcnow",
]
