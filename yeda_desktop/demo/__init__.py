"""Synthetic demo zones: plausible, deterministic for a seed, fast at 100,000 organizations."""

from yeda_desktop.demo.generator import DemoCounts, generate_demo

__all__ = ["DemoCounts", "generate_demo"]
