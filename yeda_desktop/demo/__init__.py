"""Synthetic demo zones: plausible, deterministic for a seed, fast at 100,000 organizations."""

from yeda_desktop.demo.filling import generate_demo
from yeda_desktop.demo.generator import DemoCounts

__all__ = ["DemoCounts", "generate_demo"]
