"""Ask for the key passphrase when the installation's keys are protected by one.

Without it the exchange views could not sign or decrypt anything; the CLI reads the
passphrase from $YEDA_KEY_PASSPHRASE, the GUI asks (hidden input, three tries).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from yeda_desktop.errors import YedaError
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.installation import load_keys, load_or_create_keys

TRIES = 3


def keys_asking(parent: QWidget | None, folder: Path) -> KeySet:
    """The key set of `folder`, asking for the passphrase when one is needed.

    Raises YedaError when the keys cannot be opened (cancelled, wrong three times, damaged).
    """
    try:
        return load_or_create_keys(folder)[0]
    except YedaError as first:
        if not KeySet.exists(folder):
            raise
        problem: YedaError = first
    title = QCoreApplication.translate("SyncPassphrase", "Key passphrase")
    prompt = QCoreApplication.translate(
        "SyncPassphrase",
        "The keys of this installation are protected by a passphrase. Passphrase:")
    for _ in range(TRIES):
        text, ok = QInputDialog.getText(parent, title, prompt,
                                        QLineEdit.EchoMode.Password)
        if not ok:
            raise problem
        try:
            return load_keys(folder, text)
        except YedaError as exc:
            problem = exc
            prompt = QCoreApplication.translate("SyncPassphrase",
                                                "Wrong passphrase, try again. Passphrase:")
    raise problem
