"""Frozen entry point of `yeda` (the command line, a console program on Windows too)."""

import sys

from yeda_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
