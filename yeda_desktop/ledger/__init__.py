"""The special work ledger (专项工作台账): gaps, their lifecycle, reconciliation with rules."""

from yeda_desktop.ledger.history import GapDetail, HistoryStep, gap_detail
from yeda_desktop.ledger.lifecycle import (
    LedgerError,
    allowed_transitions,
    assign,
    close,
    reopen,
    set_responsible,
    start,
    waive,
)
from yeda_desktop.ledger.listing import LedgerFilter, LedgerRow, ledger_rows
from yeda_desktop.ledger.location import place_of
from yeda_desktop.ledger.reconcile import ReconcileResult, reconcile

__all__ = [
    "GapDetail",
    "HistoryStep",
    "LedgerError",
    "LedgerFilter",
    "LedgerRow",
    "ReconcileResult",
    "allowed_transitions",
    "assign",
    "close",
    "gap_detail",
    "ledger_rows",
    "place_of",
    "reconcile",
    "reopen",
    "set_responsible",
    "start",
    "waive",
]
