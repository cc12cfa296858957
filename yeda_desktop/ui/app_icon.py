"""The application icon (bundled PNGs in every size) and the About box that shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QWidget

from yeda_desktop import __version__
from yeda_desktop.ui.i18n import resource_path

if TYPE_CHECKING:  # QIcon loads on use: its 151 theme-icon enums cost the first frame
    from PySide6.QtGui import QIcon

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The YEDA icon with every bundled size (an empty icon only if resources are missing)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in SIZES:
        icon.addFile(resource_path("icons", f"yeda-{size}.png"))
    return icon


def about_text() -> str:
    """Name, purpose and version in both languages (the box is seen rarely; no catalogue)."""
    return (
        f"<h3>YEDA Desktop {__version__}</h3>"
        "<p>两新组织扫楼登记<br>Building-sweep registration of “two new” organizations</p>"
        f"<p>版本 Version {__version__} · Qt {qVersion()}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    """The About box: icon, name, version."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "About YEDA Desktop"))
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(about_text())
    box.exec()
