"""YEDA Desktop: offline building-sweep registration of "two new" organizations."""

__version__ = "0.1.0"
