"""Alembic migrations of the YEDA Desktop database (shipped as yeda_desktop.migrations)."""
