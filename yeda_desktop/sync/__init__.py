"""File-format layer for moving work between laptops and the centre as signed, encrypted files."""

from yeda_desktop.sync.errors import Problem, SyncError
from yeda_desktop.sync.keys import KeySet, PublicKeys, fingerprint
from yeda_desktop.sync.manifest import FORMAT_VERSION, Manifest, MemberDigest, PackageKind
from yeda_desktop.sync.minisign import MinisignPublicKey, MinisignSecretKey
from yeda_desktop.sync.package import (
    KeyLookup,
    KeyStatus,
    PackageFields,
    PackageReport,
    TrustDecision,
    VerifiedPackage,
    inspect_package,
    read_package,
    write_package,
)

__all__ = [
    "FORMAT_VERSION",
    "KeyLookup",
    "KeySet",
    "KeyStatus",
    "Manifest",
    "MemberDigest",
    "MinisignPublicKey",
    "MinisignSecretKey",
    "PackageFields",
    "PackageKind",
    "PackageReport",
    "Problem",
    "PublicKeys",
    "SyncError",
    "TrustDecision",
    "VerifiedPackage",
    "fingerprint",
    "inspect_package",
    "read_package",
    "write_package",
]
