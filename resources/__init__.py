"""Fonts, translations and icons (shipped as yeda_desktop.resources)."""
