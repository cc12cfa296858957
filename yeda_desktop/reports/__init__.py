"""PDF forms (reportlab, Qt-free): typed records in, atomically written A4 Chinese forms out."""

from yeda_desktop.id_masking import mask_id_number

from .data import (
    FormMeta,
    GroupBy,
    Ledger,
    LedgerRow,
    NoticeItem,
    Organization,
    RectificationNotice,
    Roster,
    RosterMember,
    SweepRow,
    SweepSummary,
)
from .forms.ledger import render_ledger
from .forms.notice import render_notice
from .forms.registration import render_blank_registration, render_registration
from .forms.roster import render_roster
from .forms.sweep import render_sweep_summary
from .output import Output
from .progress import Progress, RenderCancelled

__all__ = [
    "FormMeta",
    "GroupBy",
    "Ledger",
    "LedgerRow",
    "NoticeItem",
    "Organization",
    "Output",
    "Progress",
    "RectificationNotice",
    "RenderCancelled",
    "Roster",
    "RosterMember",
    "SweepRow",
    "SweepSummary",
    "mask_id_number",
    "render_blank_registration",
    "render_ledger",
    "render_notice",
    "render_registration",
    "render_roster",
    "render_sweep_summary",
]
