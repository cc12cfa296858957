"""What one import did, kept with the package and shown in the CLI and the import dialog."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Rejected:
    record: str
    reason_zh: str
    reason_en: str
    # What the record is, in words: 单位“烟台坏码科技有限公司” (reports before 2026-11-30: "").
    label: str = ""

    def named(self) -> str:
        """The record as a report line names it: its label and the start of its id."""
        return f"{self.label} ({self.record[:8]})" if self.label else self.record


@dataclass
class ImportReport:
    status: str = ""  # imported, already_imported, quarantined, refused
    kind: str = ""
    package_id: str = ""
    device_id: str = ""
    sequence: int = 0
    message_zh: str = ""
    message_en: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    linked: int = 0
    conflicts: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    missing_sequences: list[int] = field(default_factory=list)
    notes_zh: list[str] = field(default_factory=list)
    notes_en: list[str] = field(default_factory=list)

    def reject(self, record: str, zh: str, en: str) -> None:
        self.rejected.append(Rejected(record, zh, en))

    def note(self, zh: str, en: str) -> None:
        self.notes_zh.append(zh)
        self.notes_en.append(en)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ImportReport:
        raw: dict[str, Any] = json.loads(text)
        raw["rejected"] = [Rejected(**r) for r in raw.get("rejected", [])]
        return cls(**raw)

    def lines(self, lang: str | None = None) -> list[str]:
        """The report as lines: bilingual (the CLI), or in one language ("zh", "en": a window)."""

        def say(zh: str, en: str) -> str:
            return zh if lang == "zh" else en if lang == "en" else f"{zh} / {en}"

        out = [say(self.message_zh, self.message_en)]
        if self.status == "imported" and self.kind != "centre_profile":  # it has no records
            counts = (("新增", "new", self.new), ("更新", "updated", self.updated),
                      ("未变", "unchanged", self.unchanged), ("删除", "deleted", self.deleted),
                      ("自动关联", "linked", self.linked), ("冲突", "conflicts", self.conflicts),
                      ("疑似重复", "duplicate candidates", self.duplicates),
                      ("拒收", "rejected", len(self.rejected)))
            if lang == "zh":
                out.append("，".join(f"{zh} {n}" for zh, _en, n in counts))
            elif lang == "en":
                out.append(", ".join(f"{en} {n}" for _zh, en, n in counts))
            else:
                out.append("，".join(f"{zh} {en} {n}" for zh, en, n in counts))
        out += [f"  {say(zh, en)}" for zh, en in zip(self.notes_zh, self.notes_en, strict=True)]
        out += [f"  {say('拒收', 'rejected')} {r.named()}: {say(r.reason_zh, r.reason_en)}"
                for r in self.rejected]
        return out
