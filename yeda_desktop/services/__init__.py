"""Qt-free operations of the sweep workspace, shared by the GUI and the `yeda` CLI."""
