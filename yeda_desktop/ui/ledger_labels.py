"""Visible names of the ledger's vocabularies (rules, statuses, actions, ownerships, severities).

English sources translated by Qt; the Chinese translations equal the core's labels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from yeda_desktop.models.enums import GapAction, GapStatus, Ownership


def rule_label(rule_id: str) -> str:
    labels = {
        "no_party_member": QCoreApplication.translate("LedgerLabels", "No party member"),
        "no_party_org": QCoreApplication.translate("LedgerLabels", "No party organization"),
        "should_establish": QCoreApplication.translate("LedgerLabels", "Should establish"),
        "joint_coverage": QCoreApplication.translate("LedgerLabels", "Joint coverage needed"),
        "no_work_coverage": QCoreApplication.translate("LedgerLabels", "No work coverage"),
        "org_form": QCoreApplication.translate("LedgerLabels", "Organization form"),
        "four_haves": QCoreApplication.translate("LedgerLabels", "Four haves missing"),
        "floating_members": QCoreApplication.translate("LedgerLabels", "Floating members"),
        "data_quality": QCoreApplication.translate("LedgerLabels", "Data to verify"),
    }
    return labels.get(rule_id, rule_id)


def status_label(status: GapStatus) -> str:
    return {
        GapStatus.IDENTIFIED: QCoreApplication.translate("LedgerLabels", "Identified"),
        GapStatus.ASSIGNED: QCoreApplication.translate("LedgerLabels", "Action assigned"),
        GapStatus.IN_PROGRESS: QCoreApplication.translate("LedgerLabels", "In progress"),
        GapStatus.CLOSED: QCoreApplication.translate("LedgerLabels", "Closed"),
        GapStatus.WAIVED: QCoreApplication.translate("LedgerLabels", "Waived"),
        GapStatus.RESOLVED_BY_DATA: QCoreApplication.translate("LedgerLabels", "Resolved by data"),
    }[status]


def action_label(action: GapAction | None) -> str:
    return {
        None: "",
        GapAction.INSTRUCTOR: QCoreApplication.translate("LedgerLabels", "Send an instructor"),
        GapAction.JOINT_BRANCH: QCoreApplication.translate("LedgerLabels", "Form a joint branch"),
        GapAction.ESTABLISH_BRANCH: QCoreApplication.translate(
            "LedgerLabels", "Establish a branch"
        ),
        GapAction.TRANSFER_RELATIONS: QCoreApplication.translate(
            "LedgerLabels", "Transfer relations"
        ),
        GapAction.DEVELOP_MEMBERS: QCoreApplication.translate("LedgerLabels", "Develop members"),
        GapAction.FIX_RECORD: QCoreApplication.translate("LedgerLabels", "Fix the record"),
    }[action]


def ownership_label(ownership: Ownership | str) -> str:
    labels = {
        Ownership.PRIVATE: QCoreApplication.translate("LedgerLabels", "Private"),
        Ownership.FOREIGN: QCoreApplication.translate("LedgerLabels", "Foreign-invested"),
        Ownership.HMT: QCoreApplication.translate("LedgerLabels", "HK/Macao/Taiwan-invested"),
        Ownership.INDIVIDUAL: QCoreApplication.translate("LedgerLabels", "Sole proprietor"),
        Ownership.MIXED: QCoreApplication.translate("LedgerLabels", "Mixed ownership"),
        Ownership.ASSOCIATION: QCoreApplication.translate("LedgerLabels", "Association"),
        Ownership.PRIVATE_NON_ENTERPRISE: QCoreApplication.translate(
            "LedgerLabels", "Private non-enterprise unit"
        ),
        Ownership.FOUNDATION: QCoreApplication.translate("LedgerLabels", "Foundation"),
    }
    try:
        return labels[Ownership(ownership)]
    except ValueError:
        return str(ownership)


def severity_label(severity: str) -> str:
    labels = {
        "high": QCoreApplication.translate("LedgerLabels", "High"),
        "medium": QCoreApplication.translate("LedgerLabels", "Medium"),
        "info": QCoreApplication.translate("LedgerLabels", "Info"),
    }
    return labels.get(severity, severity)


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
