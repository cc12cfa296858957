"""Validators for the identifiers and names the sweep records.

Each validator returns the normalised value or raises ValidationError naming the
field and the reason in Chinese and English.
"""

from yeda_desktop.validation.dates import normalize_past_day
from yeda_desktop.validation.identifiers import normalize_id_number, normalize_uscc
from yeda_desktop.validation.names import normalize_org_name, normalize_person_name
from yeda_desktop.validation.phones import normalize_phone

__all__ = [
    "normalize_id_number",
    "normalize_org_name",
    "normalize_past_day",
    "normalize_person_name",
    "normalize_phone",
    "normalize_uscc",
]
