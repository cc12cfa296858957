"""`yeda-desktop`: start the sweep workspace GUI (`--db PATH` or YEDA_DB, `--lang zh|en`)."""

from __future__ import annotations

import argparse
import os
import sys

from yeda_desktop import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="yeda-desktop", description="YEDA building-sweep workspace"
    )
    parser.add_argument("--db", help="database file (default: YEDA_DB, then the last one used)")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default: zh)")
    parser.add_argument("--version", action="version", version=f"yeda-desktop {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation and exit (0 = ok)"
    )
    args = parser.parse_args(argv)
    if args.self_test:
        from yeda_desktop.selftest import run_self_test
        from yeda_desktop.ui.selftest_gui import QT_STEPS

        return 0 if run_self_test(QT_STEPS) else 1

    from yeda_desktop.ui.app import make_application, start
    from yeda_desktop.ui.settings import AppSettings

    app = make_application(sys.argv[:1])
    settings = AppSettings()
    # --db, then YEDA_DB, then the last database used, then the per-user default ("": YEDA_DB
    # or the default, resolved with the storage, which loads off the GUI thread).
    db = args.db or ("" if os.environ.get("YEDA_DB") else settings.db_path)
    window = start(app, settings, args.lang, db)
    code = app.exec()
    # Tear down in order: the window (its tasks finished in closeEvent), then Qt itself,
    # so no Qt object outlives the QApplication into interpreter shutdown.
    window.close()
    del window
    app.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
