"""The `yeda` command line: every core service, reachable without the GUI."""
