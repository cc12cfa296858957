"""Fixtures for the package-exchange tests: a centre and two laptops, each with its own folder."""

from flow_helpers import Site, centre_and_laptops, run_cli

__all__ = ["Site", "centre_and_laptops", "run_cli"]
