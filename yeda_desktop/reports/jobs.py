"""One print job, described as data and run against a session: what the CLI and the GUI share.

A :class:`PrintJob` says which form, for which records, with which options; ``run_job``
reads the records (set-based) and renders the PDF atomically, with progress and cancel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.ledger import LedgerFilter
from yeda_desktop.services.record_lookup import organizations_in_building
from yeda_desktop.stats import FundingInputs, summarize

from .data import FormMeta, GroupBy
from .db_ledger import ledger_form, rectification_notice
from .db_organization import organization_roster, party_org_roster, registration_forms
from .db_sweep import sweep_summary
from .forms.ledger import render_ledger
from .forms.notice import render_notice
from .forms.registration import render_blank_registration, render_registration
from .forms.roster import render_roster
from .forms.statistics import render_statistics
from .forms.sweep import render_sweep_summary
from .output import Output
from .progress import Progress

FormName = Literal[
    "registration", "blank", "roster", "sweep", "ledger", "notice", "statistics"
]
FORM_TITLES: dict[str, str] = {
    "registration": "两新组织党建情况登记表",
    "blank": "两新组织党建情况登记表（空白）",
    "roster": "党员花名册",
    "sweep": "楼宇扫楼情况汇总表",
    "ledger": "专项工作台账",
    "notice": "整改提示单",
    "statistics": "两新组织党建工作统计表",
}


@dataclass(frozen=True, slots=True)
class PrintJob:
    """What to print. Which ids matter depends on ``form``:

    registration: ``organization_ids`` or ``building_id`` (all its organizations);
    roster: ``organization_ids[0]`` or ``party_org_id``; sweep: ``building_id``;
    notice: ``organization_ids[0]``; ledger: ``ledger_filter`` and ``group_by``;
    statistics: ``dimension`` (the breakdown) and ``funding`` (the estimate's inputs).
    """

    form: FormName
    organization_ids: tuple[str, ...] = ()
    building_id: str | None = None
    party_org_id: str | None = None
    full_id_numbers: bool = False
    group_by: GroupBy = "subdistrict"
    ledger_filter: LedgerFilter | None = None
    as_of: date | None = None
    dimension: str = "subdistrict"
    funding: FundingInputs | None = None
    meta: FormMeta = field(default_factory=FormMeta)

    def first_organization(self) -> str:
        if not self.organization_ids:
            raise ValueError(f"a {self.form} job needs an organization id")
        return self.organization_ids[0]


def registration_ids(session: Session, job: PrintJob) -> list[str]:
    """The organizations a registration job prints, in print order."""
    if job.organization_ids:
        return list(job.organization_ids)
    if job.building_id is not None:
        return organizations_in_building(session, job.building_id)
    raise ValueError("a registration job needs organization ids or a building id")


def run_job(session: Session, job: PrintJob, out: Output, progress: Progress | None = None) -> int:
    """Read the job's records and render its PDF into ``out``; return the page count.

    Raises ``RenderCancelled`` when ``progress`` returns False (nothing is written) and
    ``YedaError`` for records that do not exist.
    """
    day = job.as_of or date.today()
    meta = FormMeta(issuer=job.meta.issuer, issued_on=job.meta.issued_on or day)
    if job.form == "blank":
        return render_blank_registration(out, meta=job.meta)
    if job.form == "registration":
        ids = registration_ids(session, job)
        if not ids:
            raise YedaError("该楼宇中没有登记单位", "the building holds no organizations")
        return render_registration(
            registration_forms(session, ids, today=day), out, meta=meta, progress=progress
        )
    if job.form == "roster":
        roster = (
            party_org_roster(session, job.party_org_id, today=day)
            if job.party_org_id is not None
            else organization_roster(session, job.first_organization(), today=day)
        )
        return render_roster(
            roster, out, full_id_numbers=job.full_id_numbers, meta=meta, progress=progress
        )
    if job.form == "sweep":
        if job.building_id is None:
            raise ValueError("a sweep job needs a building id")
        return render_sweep_summary(
            sweep_summary(session, job.building_id, today=day), out, meta=meta, progress=progress
        )
    if job.form == "ledger":
        ledger = ledger_form(session, job.ledger_filter, group_by=job.group_by, today=day)
        return render_ledger(ledger, out, group_by=job.group_by, meta=meta, progress=progress)
    if job.form == "notice":
        notice = rectification_notice(session, job.first_organization(), today=day)
        return render_notice(notice, out, meta=meta, progress=progress)
    if job.form == "statistics":
        summary = summarize(session, job.dimension, job.funding)
        return render_statistics(summary, out, meta=meta, progress=progress)
    raise ValueError(f"unknown form {job.form!r}")
