"""The PySide6 desktop GUI, a thin client of yeda_desktop.services (the only Qt importer)."""
