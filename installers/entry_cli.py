"""Frozen entry point of `yeda` (the command line, a console program on Windows too).

The app starts itself again for its second processes (`child_process`): such a start
runs the child, before the command line loads.
"""

import sys

from yeda_desktop.child_process import child_of
from yeda_desktop.child_process import main as child_main

if __name__ == "__main__":
    if (child := child_of(sys.argv)) is not None:
        sys.exit(child_main(child))
    from yeda_desktop.cli.main import main

    sys.exit(main())
