"""Which ownerships (经济类型) each kind of organization (单位类别) has.

A non-public enterprise is private, foreign, Hong Kong/Macao/Taiwan, an individual business or
mixed; a social organization is an association, a private non-enterprise unit or a
foundation. The two fields are stored apart (workbooks and batches carry both), so every
path that sets one settles the other here: otherwise a social organization left "private"
is counted among the private enterprises by the statistics.
"""

from __future__ import annotations

from yeda_desktop.errors import ValidationError
from yeda_desktop.models.enums import OrgKind, Ownership

OWNERSHIPS: dict[OrgKind, tuple[Ownership, ...]] = {
    OrgKind.ENTERPRISE: (Ownership.PRIVATE, Ownership.FOREIGN, Ownership.HMT,
                         Ownership.INDIVIDUAL, Ownership.MIXED),
    OrgKind.SOCIAL: (Ownership.ASSOCIATION, Ownership.PRIVATE_NON_ENTERPRISE,
                     Ownership.FOUNDATION),
}

_KIND_OF = {ownership: kind for kind, owned in OWNERSHIPS.items() for ownership in owned}


def kind_of(ownership: Ownership) -> OrgKind:
    return _KIND_OF[ownership]


def fits(kind: OrgKind, ownership: Ownership) -> bool:
    return ownership in OWNERSHIPS[kind]


def settle(
    kind: OrgKind | None,
    ownership: Ownership | None,
    current: tuple[OrgKind, Ownership] | None = None,
) -> tuple[OrgKind, Ownership]:
    """The kind and ownership to store when `kind` and/or `ownership` are given (None: not
    given) for a record that has `current` (None: a new record).

    The ownership is the finer of the two, so it decides the kind; a kind given alone keeps
    the current ownership if it is one of the kind's, else takes the kind's first (the
    officer sees it and can choose another). Both given and at odds is refused.
    """
    kind = None if kind is None else OrgKind(kind)  # a code from a caller that has no enum
    ownership = None if ownership is None else Ownership(ownership)
    if kind is not None and ownership is not None:
        if not fits(kind, ownership):
            owned_zh = "、".join(o.zh for o in OWNERSHIPS[kind])
            owned_en = ", ".join(o.value for o in OWNERSHIPS[kind])
            raise ValidationError(
                "ownership", "经济类型",
                f"“{ownership.zh}”不是{kind.zh}的经济类型（{kind.zh}：{owned_zh}）",
                f"{ownership.value} is not an ownership of a {kind.value} organization "
                f"({kind.value}: {owned_en})")
        return kind, ownership
    if ownership is not None:
        return kind_of(ownership), ownership
    if kind is not None:
        if current is not None and fits(kind, current[1]):
            return kind, current[1]
        return kind, OWNERSHIPS[kind][0]
    return current or (OrgKind.ENTERPRISE, Ownership.PRIVATE)
