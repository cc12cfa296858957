"""Errors a user can act on, each carrying a Chinese and an English sentence.

Bugs stay ordinary exceptions; anything here is shown to the user as a message
(the GUI in Chinese, the CLI as one line) instead of a traceback.
"""

from __future__ import annotations


class YedaError(Exception):
    """Base of all user-facing errors: a sentence in Chinese and in English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} ({en})")
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class ValidationError(YedaError):
    """A field holds a value the domain does not accept."""

    def __init__(self, field: str, field_zh: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"{field_zh}：{reason_zh}", f"{field}: {reason_en}")
        self.field = field
        self.field_zh = field_zh
        self.reason_zh = reason_zh
        self.reason_en = reason_en


class DatabaseError(YedaError):
    """The database file cannot be used as asked (too new, corrupt, locked, missing)."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer version of the app."""
