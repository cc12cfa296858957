"""What the form tests share: poppler-utils to read the PDFs back, and a demo database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import report_demo as demo
import report_pdftools as pdftools


@pytest.fixture
def poppler() -> None:
    """Skip, saying why, where poppler-utils is not installed (CI installs it)."""
    pdftools.require_poppler()


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A ~300-organization demo zone with its ledger reconciled, built once per module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    demo.build_demo(path).close()
    yield path
