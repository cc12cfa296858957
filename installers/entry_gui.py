"""Frozen entry point of `yeda-desktop` (the GUI; `--self-test`, `--version`)."""

import sys

from yeda_desktop.gui_main import main

if __name__ == "__main__":
    sys.exit(main())
