"""Render resources/icons/yeda.svg to the PNG sizes Linux wants and the .ico Windows wants.

Run once after changing the SVG (the outputs are committed, so builds need no SVG tools):
    QT_QPA_PLATFORM=offscreen .venv/bin/python installers/make_icons.py
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "yeda.svg"))
    if not renderer.isValid():
        raise SystemExit("yeda.svg did not load")
    frames = []
    for size in SIZES:
        image = render(renderer, size)
        image.save(str(ICONS / f"yeda-{size}.png"))
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        frames.append(Image.open(io.BytesIO(bytes(buf.data()))))
    frames[-1].save(ICONS / "yeda.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {len(SIZES)} PNGs and yeda.ico into {ICONS}")


if __name__ == "__main__":
    main()
