"""The special work ledger (专项工作台账): gaps, their lifecycle, reconciliation with rules."""

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
from yeda_desktop.ledger.reconcile import ReconcileResult, reconcile

__all__ = [
    "LedgerError",
    "LedgerFilter",
    "LedgerRow",
    "ReconcileResult",
    "allowed_transitions",
    "assign",
    "close",
    "ledger_rows",
    "reconcile",
    "reopen",
    "set_responsible",
    "start",
    "waive",
]
