"""A gap's lifecycle: identified → assigned → in progress → closed, or waived; nothing else.

Every status change adds a GapEvent (the history the ledger view shows) and,
being an ORM write, lands in the change log with the session's officer.
Refused moves raise LedgerError with a sentence in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Gap, GapEvent, utcnow
from yeda_desktop.models.enums import GapAction, GapStatus

S = GapStatus
OPEN_STATUSES = frozenset({S.IDENTIFIED, S.ASSIGNED, S.IN_PROGRESS})

_ALLOWED: dict[GapStatus, frozenset[GapStatus]] = {
    S.IDENTIFIED: frozenset({S.ASSIGNED, S.WAIVED, S.RESOLVED_BY_DATA}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS, S.CLOSED, S.WAIVED, S.RESOLVED_BY_DATA}),
    S.IN_PROGRESS: frozenset({S.CLOSED, S.WAIVED, S.RESOLVED_BY_DATA}),
    S.CLOSED: frozenset({S.IDENTIFIED}),
    S.WAIVED: frozenset({S.IDENTIFIED}),
    S.RESOLVED_BY_DATA: frozenset(),
}


class LedgerError(YedaError):
    """A ledger change the lifecycle does not allow, or one missing what it needs."""


def allowed_transitions(status: GapStatus) -> frozenset[GapStatus]:
    return _ALLOWED[status]


def refusal(status: GapStatus, to: GapStatus) -> LedgerError:
    """Why a gap in `status` cannot move to `to` (the ledger view says it before asking)."""
    return LedgerError(
        f"该问题当前为“{status.zh}”，不能改为“{to.zh}”",
        f"a gap that is {status.value} cannot become {to.value}",
    )


def responsible_refusal(status: GapStatus) -> LedgerError | None:
    """Why a gap in `status` cannot be given a responsible person, or None if it can."""
    if status in OPEN_STATUSES:
        return None
    return LedgerError(
        f"“{status.zh}”的问题不能再指定负责人",
        f"a gap that is {status.value} cannot be given a responsible person",
    )


def _refuse(gap: Gap, to: GapStatus) -> LedgerError:
    return refusal(gap.status, to)


def record_event(session: Session, gap: Gap, to: GapStatus, note: str | None) -> GapEvent:
    event = GapEvent(
        gap_id=gap.id,
        from_status=gap.status,
        to_status=to,
        at=utcnow(),
        officer=session.info.get("officer"),
        note=note,
    )
    session.add(event)
    return event


def _move(session: Session, gap: Gap, to: GapStatus, note: str | None) -> None:
    if to not in _ALLOWED[gap.status]:
        raise _refuse(gap, to)
    record_event(session, gap, to, note)
    gap.status = to
    # Flush now so each step is its own change-log entry, even several in one transaction.
    session.flush()


def _required(value: str | None, zh: str, en: str) -> str:
    if value is None or not value.strip():
        raise LedgerError(f"请填写{zh}", f"{en} is required")
    return value.strip()


def assign(
    session: Session,
    gap: Gap,
    action: GapAction,
    *,
    responsible: str | None = None,
    due_on: date | None = None,
    note: str | None = None,
) -> None:
    """Record the action decided (instructor, joint branch, …); identified → assigned."""
    if gap.status not in OPEN_STATUSES:
        raise _refuse(gap, S.ASSIGNED)
    text = note or f"措施：{action.zh}"
    gap.action = action
    if responsible is not None:
        gap.responsible = responsible.strip() or None
    if due_on is not None:
        gap.due_on = due_on
    if gap.status == S.IDENTIFIED:
        _move(session, gap, S.ASSIGNED, text)
    else:
        record_event(session, gap, gap.status, text)


def start(session: Session, gap: Gap, note: str | None = None) -> None:
    """Work on the action has begun; assigned → in progress."""
    _move(session, gap, S.IN_PROGRESS, note)


def close(
    session: Session, gap: Gap, evidence: str, closed_on: date, note: str | None = None
) -> None:
    """Rectified, with evidence and the date; from assigned or in progress.

    The step in the history says both (with `note`, if any): a reopening clears them
    from the gap, and a later closing writes its own.
    """
    if S.CLOSED not in _ALLOWED[gap.status]:
        raise _refuse(gap, S.CLOSED)
    text = _required(evidence, "整改佐证材料", "closing evidence")
    if closed_on > date.today():
        raise LedgerError("整改完成日期不能晚于今天", "the closing date cannot be in the future")
    gap.evidence = text
    gap.closed_on = closed_on
    said = f"{closed_on.isoformat()} 整改完成；佐证：{text}"
    _move(session, gap, S.CLOSED, f"{said}；{note.strip()}" if note and note.strip() else said)


def waive(session: Session, gap: Gap, reason: str, waived_by: str | None = None) -> None:
    """Not to be rectified, with a reason and who decided (defaults to the officer)."""
    if S.WAIVED not in _ALLOWED[gap.status]:
        raise _refuse(gap, S.WAIVED)
    text = _required(reason, "豁免理由", "a reason for waiving")
    who = _required(waived_by or session.info.get("officer"), "豁免决定人", "who waived it")
    gap.waived_reason = text
    gap.waived_by = who
    officer = session.info.get("officer")
    _move(session, gap, S.WAIVED, text if who == officer else f"{text}（决定人：{who}）")


def reopen(session: Session, gap: Gap, note: str) -> None:
    """Undo a closing or a waiver; back to identified (the old values stay in the history)."""
    text = _required(note, "重新打开的原因", "a reason for reopening")
    if S.IDENTIFIED not in _ALLOWED[gap.status]:
        raise _refuse(gap, S.IDENTIFIED)
    gap.closed_on = None
    gap.evidence = None
    gap.waived_reason = None
    gap.waived_by = None
    _move(session, gap, S.IDENTIFIED, text)


def set_responsible(
    session: Session,
    gaps: Iterable[Gap],
    responsible: str | None,
    due_on: date | None,
) -> int:
    """Bulk: the same responsible person and due date on every open gap; returns how many."""
    name = responsible.strip() if responsible else None
    targets = list(gaps)
    for gap in targets:
        if (refused := responsible_refusal(gap.status)) is not None:
            raise refused
    changed = 0
    for gap in targets:
        if gap.responsible == name and gap.due_on == due_on:
            continue
        due = due_on.isoformat() if due_on else "—"
        record_event(session, gap, gap.status, f"负责人：{name or '—'}；期限：{due}")
        gap.responsible = name
        gap.due_on = due_on
        changed += 1
    return changed
