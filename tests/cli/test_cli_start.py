"""Every `yeda` command builds the whole parser, so what registering a command costs, every
command pays: before 2026-11-29 that was reportlab, openpyxl and 82,000 formatted demo
timestamps, about 0.75 s of each command's 1.6 s of CPU."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from yeda_desktop.cli.main import build_parser
build_parser()
from yeda_desktop.demo.generator import _created_times
loaded = sorted(m for m in ("reportlab", "openpyxl") if m in sys.modules)
print(loaded, _created_times.cache_info().currsize)
"""


def test_registering_the_commands_loads_no_pdf_or_excel_library_and_makes_no_demo_data() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[] 0"


def test_the_excel_package_hands_out_its_names_on_first_use() -> None:
    """(`yeda export-xlsx` / `import-xlsx` and the PDF commands run end to end in
    test_cli_gaps_xlsx.py and tests/reports.)"""
    import pytest

    import yeda_desktop.excel as excel
    from yeda_desktop.excel.export import export_xlsx

    assert excel.export_xlsx is export_xlsx
    assert set(excel.EXPORT_KINDS) == {"ledger", "statistics", "organizations", "roster"}
    assert set(excel.IMPORT_KINDS) == {"organizations", "roster"}
    assert all(getattr(excel, name) is not None for name in excel.__all__)  # each resolves
    with pytest.raises(AttributeError):
        _ = excel.no_such_name  # type: ignore[attr-defined]
