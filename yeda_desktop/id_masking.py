"""Masking of resident ID numbers wherever they are shown (370602********1234): the printed
roster, the Excel roster, the member table, `yeda org show`.

One function for all of them: the window and the workbook had their own, which showed a
short or odd value whole (its first six and last four characters overlapping).
"""

from __future__ import annotations


def mask_id_number(id_number: str | None) -> str:
    """Keep the 6-digit region code and the last 4 characters; star the rest (birth date included).

    Short or odd values keep at most their last 4 characters, so nothing prints in full by
    accident.
    """
    if not id_number:
        return ""
    value = id_number.strip()
    if len(value) >= 15:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    keep = min(4, max(len(value) - 4, 0))
    return "*" * (len(value) - keep) + value[len(value) - keep :]
