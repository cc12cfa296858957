"""The one exception the sync layer raises, so callers can show a bilingual reason."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Problem(StrEnum):
    """Machine-readable reason for a refusal; stable names for the DB layer and tests."""

    # archive (the .yeda ZIP container)
    EMPTY_FILE = "empty_file"
    NOT_AN_ARCHIVE = "not_an_archive"
    ARCHIVE_DAMAGED = "archive_damaged"
    UNSAFE_NAME = "unsafe_name"
    DUPLICATE_NAME = "duplicate_name"
    LINK_MEMBER = "link_member"
    UNEXPECTED_MEMBER = "unexpected_member"
    MISSING_MEMBER = "missing_member"
    COMPRESSION_RATIO = "compression_ratio"
    TOO_LARGE = "too_large"
    UNSUPPORTED_ARCHIVE = "unsupported_archive"
    # minisign signatures and keys
    SIGNATURE_MALFORMED = "signature_malformed"
    SIGNATURE_LEGACY = "signature_legacy"
    SIGNATURE_WRONG_KEY = "signature_wrong_key"
    SIGNATURE_INVALID = "signature_invalid"
    TRUSTED_COMMENT_INVALID = "trusted_comment_invalid"
    KEY_MALFORMED = "key_malformed"
    KEY_UNSUPPORTED = "key_unsupported"
    # trust decisions reported by the caller's key lookup
    DEVICE_UNKNOWN = "device_unknown"
    DEVICE_PENDING = "device_pending"
    DEVICE_REVOKED = "device_revoked"
    # manifest
    MANIFEST_MALFORMED = "manifest_malformed"
    FORMAT_TOO_NEW = "format_too_new"
    FORMAT_UNKNOWN = "format_unknown"
    COMMENT_MISMATCH = "comment_mismatch"
    MEMBER_SIZE_MISMATCH = "member_size_mismatch"
    MEMBER_HASH_MISMATCH = "member_hash_mismatch"
    # encrypted payload
    PAYLOAD_HEADER = "payload_header"
    PAYLOAD_DAMAGED = "payload_damaged"
    PAYLOAD_NOT_FOR_US = "payload_not_for_us"
    PAYLOAD_SIZE_MISMATCH = "payload_size_mismatch"
    PAYLOAD_HASH_MISMATCH = "payload_hash_mismatch"
    RECIPIENT_INVALID = "recipient_invalid"
    # key storage
    PASSPHRASE_REQUIRED = "passphrase_required"
    PASSPHRASE_WRONG = "passphrase_wrong"
    KEY_PERMISSIONS = "key_permissions"
    KEY_MISSING = "key_missing"
    # writing
    WRITE_FAILED = "write_failed"


class SyncError(Exception):
    """A refusal of the sync layer with one Chinese and one English sentence."""

    def __init__(
        self,
        problem: Problem,
        zh: str,
        en: str,
        *,
        details: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{en} / {zh}")
        self.problem = problem
        self.zh = zh
        self.en = en
        self.details: dict[str, str] = dict(details or {})

    def __repr__(self) -> str:
        return f"SyncError({self.problem.value!r}, {self.en!r})"
