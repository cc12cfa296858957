"""Visible names of the domain vocabularies (translated by Qt; Chinese equals the models' `.zh`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from yeda_desktop.models.enums import (
    Gender,
    KeyIndustry,
    OrgKind,
    PartyOrgType,
    PartyStatus,
    PersonRole,
    VisitOutcome,
)


def outcome_label(outcome: VisitOutcome | None) -> str:
    return {
        None: QCoreApplication.translate("Labels", "Not visited"),
        VisitOutcome.REGISTERED: QCoreApplication.translate("Labels", "Registered"),
        VisitOutcome.VACANT: QCoreApplication.translate("Labels", "Vacant"),
        VisitOutcome.REVISIT: QCoreApplication.translate("Labels", "Revisit"),
        VisitOutcome.REFUSED: QCoreApplication.translate("Labels", "Refused"),
    }[outcome]


def gender_label(gender: Gender | None) -> str:
    return {
        None: "",
        Gender.MALE: QCoreApplication.translate("Labels", "Male"),
        Gender.FEMALE: QCoreApplication.translate("Labels", "Female"),
    }[gender]


def party_label(status: PartyStatus) -> str:
    return {
        PartyStatus.NONE: QCoreApplication.translate("Labels", "Non-member"),
        PartyStatus.ACTIVIST: QCoreApplication.translate("Labels", "Activist"),
        PartyStatus.CANDIDATE: QCoreApplication.translate("Labels", "Development candidate"),
        PartyStatus.PROBATIONARY: QCoreApplication.translate("Labels", "Probationary member"),
        PartyStatus.FULL: QCoreApplication.translate("Labels", "Full member"),
    }[status]


def role_label(role: PersonRole) -> str:
    return {
        PersonRole.STAFF: QCoreApplication.translate("Labels", "Staff"),
        PersonRole.LEGAL_REP: QCoreApplication.translate("Labels", "Legal representative"),
        PersonRole.CONTACT: QCoreApplication.translate("Labels", "Contact person"),
        PersonRole.PARTY_WORKER: QCoreApplication.translate("Labels", "Party worker"),
    }[role]


def relation_label(transferred: bool | None) -> str:
    return {
        None: "",
        True: QCoreApplication.translate("Labels", "Transferred"),
        False: QCoreApplication.translate("Labels", "Not transferred"),
    }[transferred]


def kind_label(kind: OrgKind) -> str:
    return {
        OrgKind.ENTERPRISE: QCoreApplication.translate("Labels", "Non-public enterprise"),
        OrgKind.SOCIAL: QCoreApplication.translate("Labels", "Social organization"),
    }[kind]


def key_industry_label(industry: KeyIndustry) -> str:
    """The key industries with an alliance of their own (the article names eight)."""
    return {
        KeyIndustry.LISTED: QCoreApplication.translate("Labels", "Listed companies"),
        KeyIndustry.HAZCHEM: QCoreApplication.translate("Labels", "Hazardous chemicals"),
        KeyIndustry.EXPRESS: QCoreApplication.translate("Labels", "Express delivery"),
        KeyIndustry.TECH_SERVICES: QCoreApplication.translate("Labels", "Tech services"),
        KeyIndustry.AUTOMOTIVE: QCoreApplication.translate("Labels", "Automotive"),
        KeyIndustry.MOBILE_PHONES: QCoreApplication.translate("Labels", "Mobile phones"),
        KeyIndustry.BIOMEDICINE: QCoreApplication.translate("Labels", "Biomedicine"),
        KeyIndustry.INFORMATION_TECH: QCoreApplication.translate(
            "Labels", "Information technology"),
    }[industry]


def industry_label(code: str | None, *, with_code: bool = True) -> str:
    """A GB/T 4754 section in the window's language ("C 制造业", "C Manufacturing");
    "" for none."""
    if not code:
        return ""
    names = {
        "A": QCoreApplication.translate(
            "Labels", "Agriculture, forestry, animal husbandry and fishery"),
        "B": QCoreApplication.translate("Labels", "Mining"),
        "C": QCoreApplication.translate("Labels", "Manufacturing"),
        "D": QCoreApplication.translate("Labels", "Electricity, heat, gas and water"),
        "E": QCoreApplication.translate("Labels", "Construction"),
        "F": QCoreApplication.translate("Labels", "Wholesale and retail"),
        "G": QCoreApplication.translate("Labels", "Transport, storage and post"),
        "H": QCoreApplication.translate("Labels", "Accommodation and catering"),
        "I": QCoreApplication.translate("Labels", "Information, software and IT services"),
        "J": QCoreApplication.translate("Labels", "Finance"),
        "K": QCoreApplication.translate("Labels", "Real estate"),
        "L": QCoreApplication.translate("Labels", "Leasing and business services"),
        "M": QCoreApplication.translate("Labels", "Research and technical services"),
        "N": QCoreApplication.translate("Labels", "Water, environment and public facilities"),
        "O": QCoreApplication.translate("Labels", "Resident services and repairs"),
        "P": QCoreApplication.translate("Labels", "Education"),
        "Q": QCoreApplication.translate("Labels", "Health and social work"),
        "R": QCoreApplication.translate("Labels", "Culture, sports and entertainment"),
        "S": QCoreApplication.translate(
            "Labels", "Public administration, social security and social organizations"),
        "T": QCoreApplication.translate("Labels", "International organizations"),
    }
    name = names.get(code, code)
    return f"{code} {name}" if with_code else name


def party_org_type_label(kind: PartyOrgType) -> str:
    return {
        PartyOrgType.COMMITTEE: QCoreApplication.translate("Labels", "Party committee"),
        PartyOrgType.GENERAL_BRANCH: QCoreApplication.translate("Labels", "General branch"),
        PartyOrgType.BRANCH: QCoreApplication.translate("Labels", "Party branch"),
        PartyOrgType.JOINT_BRANCH: QCoreApplication.translate("Labels", "Joint branch"),
    }[kind]


def party_org_words(name: str, kind: PartyOrgType, covers: int | None = None) -> str:
    """东方中心联合党支部（联合党支部）, with how many it covers when given."""
    if covers is None:
        return (QCoreApplication.translate("Labels", "%1 (%2)")
                .replace("%1", name).replace("%2", party_org_type_label(kind)))
    return (QCoreApplication.translate("Labels", "%1 (%2, covers %3)")
            .replace("%1", name).replace("%2", party_org_type_label(kind))
            .replace("%3", f"{covers:,}"))


def assignment_words(name: str, phone: str | None, starts: date | None,
                     ends: date | None = None) -> str:
    """张建国 13805351234，自 2026-10-01 (，至 …)."""
    text = f"{name} {phone}" if phone else name
    if starts is not None:
        text += QCoreApplication.translate("Labels", ", from %1").replace("%1", starts.isoformat())
    if ends is not None:
        text += QCoreApplication.translate("Labels", ", until %1").replace("%1", ends.isoformat())
    return text


# English source → Chinese, for the translation build to check against the models.
ENUM_SOURCES: dict[str, str] = {
    "Registered": VisitOutcome.REGISTERED.zh,
    "Vacant": VisitOutcome.VACANT.zh,
    "Revisit": VisitOutcome.REVISIT.zh,
    "Refused": VisitOutcome.REFUSED.zh,
    "Male": Gender.MALE.zh,
    "Female": Gender.FEMALE.zh,
    "Non-member": PartyStatus.NONE.zh,
    "Activist": PartyStatus.ACTIVIST.zh,
    "Development candidate": PartyStatus.CANDIDATE.zh,
    "Probationary member": PartyStatus.PROBATIONARY.zh,
    "Full member": PartyStatus.FULL.zh,
    "Staff": PersonRole.STAFF.zh,
    "Legal representative": PersonRole.LEGAL_REP.zh,
    "Contact person": PersonRole.CONTACT.zh,
    "Party worker": PersonRole.PARTY_WORKER.zh,
    "Non-public enterprise": OrgKind.ENTERPRISE.zh,
    "Social organization": OrgKind.SOCIAL.zh,
    "Party committee": PartyOrgType.COMMITTEE.zh,
    "General branch": PartyOrgType.GENERAL_BRANCH.zh,
    "Party branch": PartyOrgType.BRANCH.zh,
    "Joint branch": PartyOrgType.JOINT_BRANCH.zh,
}
