"""Writes PNGs of the real main window, in Chinese and English, to screenshots/ (git-ignored).

    .venv/bin/python tests/ui/screenshots.py --db demo.sqlite

runs itself once per language under Xvfb (xvfb-run -a) so the real xcb platform renders.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def shoot(db: str, lang: str, out: Path) -> None:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QHeaderView

    from yeda_desktop.ui.app import make_application, start
    from yeda_desktop.ui.settings import AppSettings

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        zh = lang == "zh"
        settings.officer, settings.team = ("王芳", "第三小组") if zh else ("Wang Fang", "Team 3")
        window = start(app, settings, lang, None)
        window.resize(1500, 920)

        def ready() -> None:
            window.search.setText("有限公司")
            window.search.refresh()
            hits = [h for h in window.search.hits if h.kind == "org" and h.place is not None]
            window.search.completer_.popup().hide()
            window.search.clear()
            if hits:
                window.open_hit(hits[0])
                tiles = window.floor_view.tiles.tiles
                best = max(range(len(tiles)), key=lambda i: tiles[i].gaps, default=0)
                window.floor_view.setCurrentIndex(window.floor_view.tiles.index(best))
            QTimer.singleShot(800, grab)

        def grab() -> None:
            out.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(out))
            print(f"wrote {out}")
            grab_tab(1)

        def grab_tab(index: int) -> None:
            """Every other tab too (ledger, statistics, all organizations, exchange…)."""
            if index >= window.tabs.count():
                if zh:
                    report_latin()
                window.close()
                QApplication.quit()
                return
            window.tabs.setCurrentIndex(index)

            def save() -> None:
                path = out.with_name(f"{out.stem}-tab{index}.png")
                window.grab().save(str(path))
                print(f"wrote {path} ({window.tabs.tabText(index)})")
                grab_tab(index + 1)

            QTimer.singleShot(1500, save)

        def report_latin() -> None:
            """Visible texts of the Chinese window that still read as English words."""
            from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu

            texts = {a.text() for a in window.findChildren(QAction)}
            texts |= {m.title() for m in window.findChildren(QMenu)}
            texts |= {w.text() for w in window.findChildren(QAbstractButton)}
            texts |= {w.text() for w in window.findChildren(QLabel) if w.isVisible()}
            texts |= {window.tabs.tabText(i) for i in range(window.tabs.count())}
            across = Qt.Orientation.Horizontal
            for header in window.findChildren(QHeaderView):
                model = header.model()
                if model is not None and header.orientation() == across:
                    columns = range(model.columnCount())
                    texts |= {str(model.headerData(i, across) or "") for i in columns}
            latin = sorted(t for t in texts if re.search(r"[A-Za-z]{3,}", re.sub(r"\(&.\)", "", t)))
            print("English words left in the Chinese window:", latin or "none")

        window.ready.connect(ready)
        window.open_failed.connect(lambda m: (print(m, file=sys.stderr), QApplication.exit(1)))
        window.open_database(db)
        sys.exit(app.exec())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a demo database (yeda --db PATH demo)")
    parser.add_argument("--lang", choices=("zh", "en"))
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    args = parser.parse_args()
    if args.lang:
        shoot(args.db, args.lang, Path(args.out) / f"main-window-{args.lang}.png")
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    for lang in ("zh", "en"):
        subprocess.run(
            ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, __file__,
             "--db", args.db, "--lang", lang, "--out", args.out],
            check=True, env=env,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
