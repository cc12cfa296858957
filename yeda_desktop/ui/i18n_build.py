"""Builds translations: pyside6-lupdate (sources → .ts, keeping translations), lrelease (→ .qm).

Run after changing visible strings:  .venv/bin/python -m yeda_desktop.ui.i18n_build
then translate new entries in resources/translations/yeda_zh_CN.ts (Qt Linguist); run it again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "yeda_zh_CN.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[Path]:
    ui = ROOT / "yeda_desktop" / "ui"
    return sorted(p for p in ui.glob("*.py") if p.name != "i18n_build.py")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def update(ts: Path = TS) -> None:
    """Refresh `ts` from the sources (new strings come unfinished, vanished ones go)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def main() -> int:
    update()
    release()
    print(f"updated {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
