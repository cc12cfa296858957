"""Visible names of the ledger's vocabularies (rules, statuses, actions, ownerships, severities).

English sources translated by Qt; the Chinese translations equal the core's labels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from yeda_desktop.models.enums import GapAction, GapStatus, Ownership


def _t(text: str) -> str:
    return QCoreApplication.translate("LedgerLabels", text)


def rule_label(rule_id: str) -> str:
    labels = {
        "no_party_member": _t("No party member"),
        "no_party_org": _t("No party organization"),
        "should_establish": _t("Should establish"),
        "joint_coverage": _t("Joint coverage needed"),
        "no_work_coverage": _t("No work coverage"),
        "org_form": _t("Organization form"),
        "four_haves": _t("Four haves missing"),
        "floating_members": _t("Floating members"),
        "data_quality": _t("Data to verify"),
    }
    return labels.get(rule_id, rule_id)


def status_label(status: GapStatus) -> str:
    return {
        GapStatus.IDENTIFIED: _t("Identified"),
        GapStatus.ASSIGNED: _t("Action assigned"),
        GapStatus.IN_PROGRESS: _t("In progress"),
        GapStatus.CLOSED: _t("Closed"),
        GapStatus.WAIVED: _t("Waived"),
        GapStatus.RESOLVED_BY_DATA: _t("Resolved by data"),
    }[status]


def action_label(action: GapAction | None) -> str:
    return {
        None: "",
        GapAction.INSTRUCTOR: _t("Send an instructor"),
        GapAction.JOINT_BRANCH: _t("Form a joint branch"),
        GapAction.ESTABLISH_BRANCH: _t("Establish a branch"),
        GapAction.TRANSFER_RELATIONS: _t("Transfer relations"),
        GapAction.DEVELOP_MEMBERS: _t("Develop members"),
        GapAction.FIX_RECORD: _t("Fix the record"),
    }[action]


def ownership_label(ownership: Ownership | str) -> str:
    labels = {
        Ownership.PRIVATE: _t("Private"),
        Ownership.FOREIGN: _t("Foreign-invested"),
        Ownership.HMT: _t("HK/Macao/Taiwan-invested"),
        Ownership.INDIVIDUAL: _t("Sole proprietor"),
        Ownership.MIXED: _t("Mixed ownership"),
        Ownership.ASSOCIATION: _t("Association"),
        Ownership.PRIVATE_NON_ENTERPRISE: _t("Private non-enterprise unit"),
        Ownership.FOUNDATION: _t("Foundation"),
    }
    try:
        return labels[Ownership(ownership)]
    except ValueError:
        return str(ownership)


def severity_label(severity: str) -> str:
    return {"high": _t("High"), "medium": _t("Medium"), "info": _t("Info")}.get(severity, severity)


# English source → Chinese, so a test can hold the translations to the core's labels.
LEDGER_SOURCES: dict[str, str] = {
    "Identified": GapStatus.IDENTIFIED.zh,
    "Action assigned": GapStatus.ASSIGNED.zh,
    "In progress": GapStatus.IN_PROGRESS.zh,
    "Closed": GapStatus.CLOSED.zh,
    "Waived": GapStatus.WAIVED.zh,
    "Resolved by data": GapStatus.RESOLVED_BY_DATA.zh,
    "Send an instructor": GapAction.INSTRUCTOR.zh,
    "Form a joint branch": GapAction.JOINT_BRANCH.zh,
    "Establish a branch": GapAction.ESTABLISH_BRANCH.zh,
    "Transfer relations": GapAction.TRANSFER_RELATIONS.zh,
    "Develop members": GapAction.DEVELOP_MEMBERS.zh,
    "Fix the record": GapAction.FIX_RECORD.zh,
    "Private": Ownership.PRIVATE.zh,
    "Foreign-invested": Ownership.FOREIGN.zh,
    "HK/Macao/Taiwan-invested": Ownership.HMT.zh,
    "Sole proprietor": Ownership.INDIVIDUAL.zh,
    "Mixed ownership": Ownership.MIXED.zh,
    "Association": Ownership.ASSOCIATION.zh,
    "Private non-enterprise unit": Ownership.PRIVATE_NON_ENTERPRISE.zh,
    "Foundation": Ownership.FOUNDATION.zh,
}
