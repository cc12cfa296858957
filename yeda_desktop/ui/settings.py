"""The user's settings (QSettings): database, language, officer, team, campaign, place, layout,
the statistics tab's funding inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from yeda_desktop.stats.funding import FundingInputs

ORGANIZATION = "YEDA"
APPLICATION = "yeda-desktop"


class AppSettings:
    """Typed access to one QSettings store; tests pass a temporary INI file instead."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(ORGANIZATION, APPLICATION)

    def _text(self, key: str, default: str = "") -> str:
        value = self.store.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value: object) -> None:
        self.store.setValue(key, value)

    @property
    def db_path(self) -> str:
        return self._text("database/path")

    @db_path.setter
    def db_path(self, value: str) -> None:
        self._set("database/path", value)

    @property
    def language(self) -> str:
        lang = self._text("ui/language", "zh")
        return lang if lang in ("zh", "en") else "zh"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def officer(self) -> str:
        return self._text("officer/name")

    @officer.setter
    def officer(self, value: str) -> None:
        self._set("officer/name", value)

    @property
    def team(self) -> str:
        return self._text("officer/team")

    @team.setter
    def team(self, value: str) -> None:
        self._set("officer/team", value)

    @property
    def campaign_id(self) -> str:
        return self._text("sweep/campaign")

    @campaign_id.setter
    def campaign_id(self, value: str) -> None:
        self._set("sweep/campaign", value)

    def last_place(self, db_path: str) -> tuple[str, str]:
        """(building id, floor id) last open in this database."""
        key = _place_key(db_path)
        return self._text(f"{key}/building"), self._text(f"{key}/floor")

    def set_last_place(self, db_path: str, building_id: str, floor_id: str) -> None:
        key = _place_key(db_path)
        self._set(f"{key}/building", building_id)
        self._set(f"{key}/floor", floor_id)

    def funding_levels(self, count: int) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """The statistics tab's funding inputs last typed (monthly allowance and certified
        staff per level), or None if none were, or what is stored is not `count` of each."""
        allowance = _numbers(self._text("statistics/allowance"), count)
        staff = _numbers(self._text("statistics/staff_by_level"), count)
        return (allowance, staff) if allowance is not None and staff is not None else None

    def funding_inputs(self) -> FundingInputs:
        """The funding inputs to print and export with: those last typed in the statistics
        tab (in an earlier sitting too), else the defaults; the tab need not be open."""
        from yeda_desktop.stats.funding import FundingInputs

        count = len(FundingInputs().monthly_allowance)
        typed = self.funding_levels(count)
        if typed is None:
            return FundingInputs()
        return FundingInputs(monthly_allowance=typed[0], staff_by_level=typed[1])

    def set_funding_levels(self, allowance: tuple[int, ...], staff: tuple[int, ...]) -> None:
        self._set("statistics/allowance", ",".join(map(str, allowance)))
        self._set("statistics/staff_by_level", ",".join(map(str, staff)))

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set("window/geometry", geometry)
        self._set("window/state", state)

    def sync(self) -> None:
        self.store.sync()


def _place_key(db_path: str) -> str:
    import hashlib  # on use: it loads OpenSSL, not needed for the first frame

    return "places/" + hashlib.sha1(db_path.encode()).hexdigest()[:12]


def _numbers(text: str, count: int) -> tuple[int, ...] | None:
    """`count` whole numbers ≥ 0 from "300,200,100", else None (a hand-edited file)."""
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        return None
    return values if len(values) == count and min(values) >= 0 else None
