"""The application icon (bundled PNGs in every size) and the About box that shows it."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from yeda_desktop import __version__

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The YEDA icon with every bundled size (an empty icon only if resources are missing)."""
    icon = QIcon()
    for size in SIZES:
        with as_file(files("yeda_desktop.resources") / "icons" / f"yeda-{size}.png") as path:
            icon.addFile(str(path))
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
