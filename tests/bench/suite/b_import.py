"""5. A laptop's batch imported at the centre (syncflow) vs a bare executemany of the same rows.

As bench_sync.py: the laptop (SQLite) holds `size` organizations and 3 people each,
written raw with their change log; its batch is exported, then imported at a centre on
the engine measured (verified, decrypted, merged, committed). Reference: the same
organizations and people rows inserted by a driver-level executemany into an empty
migrated database of the same engine.

Nothing is held whole in memory by the benchmark itself: the laptop is filled chunk by
chunk and the reference regenerates the same rows from the same seed, chunk by chunk.
The process's peak resident memory is sampled during each phase (fill, export, import,
reference) and reported with the figure, so a phase that holds the batch shows.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
from pathlib import Path

from yeda_desktop.storage import Database, open_database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.batch_export import export_batch
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import Role, set_role
from yeda_desktop.syncflow.profile import export_profile, import_profile
from yeda_desktop.syncflow.records import columns

from .common import Context, Figure, attempt, bare_executemany_chunks, figure, timed

NAME = "import"
REF = "bare executemany of the same rows"


class PeakRSS:
    """The process's peak resident memory per phase, sampled from /proc every 0.1 s."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self._phase = ""
        self._stop = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _rss(self) -> float:
        try:
            with open("/proc/self/statm") as f:
                return int(f.read().split()[1]) * self._page / 2**20
        except OSError:
            return 0.0

    def _watch(self) -> None:
        while not self._stop.wait(0.1):
            if self._phase:
                self.peaks[self._phase] = max(self.peaks.get(self._phase, 0.0), self._rss())

    def phase(self, name: str) -> None:
        """Start a phase, after handing freed memory back to the system (glibc keeps it)."""
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        self._phase = name
        self.peaks[name] = self._rss()

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {k: round(v) for k, v in self.peaks.items()}


def _pair(root: Path, centre_location: str) -> tuple[Database, KeySet, Database, KeySet]:
    centre_keys, laptop_keys = KeySet.generate(), KeySet.generate()
    centre = open_database(centre_location)
    with centre.session() as s:
        set_role(s, Role.CENTRE, "中心", "yeda-centre")
    export_profile(centre, centre_keys, root / "profile.yeda")
    laptop = open_database(root / "laptop.sqlite")
    with laptop.session() as s:
        set_role(s, Role.LAPTOP, "笔记本")
    import_profile(laptop, root / "profile.yeda")
    enrolment.write_request(laptop, laptop_keys, root / "enrol.yeda", team="t", officer="o")
    device = enrolment.accept_request(centre, centre_keys, root / "enrol.yeda")
    with centre.session() as s:
        enrolment.approve(s, device.id, device.fingerprint or "")
    return centre, centre_keys, laptop, laptop_keys


def run_size(ctx: Context, engine: str, size: int) -> list[Figure]:
    from tests.bench.bench_sync import fill_laptop, row_chunks

    out: list[Figure] = []
    root = ctx.tmp / f"import-{engine}-{size}"
    root.mkdir(exist_ok=True)

    def measure() -> list[Figure]:
        rss = PeakRSS()
        try:
            centre_location = (str(root / "centre.sqlite") if engine == "sqlite"
                               else ctx.fresh(engine, "centre"))
            centre, ckeys, laptop, lkeys = _pair(root, centre_location)
            rss.phase("fill")
            fill_s, _ = timed(lambda: fill_laptop(laptop, size, 1))
            rss.phase("export")
            export_s, _ = timed(lambda: export_batch(laptop, lkeys, root / "batch.yeda",
                                                     officer="o"))
            print(f"  export {size:,}: {export_s:.1f} s (fill {fill_s:.1f} s), peaks MiB "
                  f"{rss.peaks}", file=sys.stderr, flush=True)
            laptop.close()
            laptop_mib = (root / "laptop.sqlite").stat().st_size / 2**20
            (root / "laptop.sqlite").unlink()  # no longer needed: make room for the centre
            # The importer spools payloads into work_dir without creating it (for a
            # PostgreSQL database it is under the user's data folder): create it, say so.
            created = not centre.work_dir.exists()
            centre.work_dir.mkdir(parents=True, exist_ok=True)
            rss.phase("import")
            import_s, report = timed(lambda: import_file(centre, ckeys, root / "batch.yeda"))
            centre.close()
            # Said at once: at 1M the reference still takes a while, and a run stopped there
            # would otherwise lose the figure.
            print(f"  import {engine} {size:,}: {import_s:.1f} s, {report.status}, peaks MiB "
                  f"{rss.peaks}, batch {(root / 'batch.yeda').stat().st_size / 2**20:.0f} MiB",
                  file=sys.stderr, flush=True)
            if report.status != "imported" or report.rejected or report.new != 4 * size:
                # every generated record is valid: anything refused is a broken benchmark
                raise RuntimeError("; ".join(report.lines())[:500])
            mib = (root / "batch.yeda").stat().st_size / 2**20
            (root / "batch.yeda").unlink()
            if engine == "postgresql" and ctx.cluster is not None:
                ctx.cluster.drop_database(centre_location)
            target = ctx.fresh(engine, "import-ref")
            rss.phase("reference")
            bare = bare_executemany_chunks(engine, target, (
                {t: (columns(t), data) for t, data in rows.items()}
                for rows in row_chunks(size, 1)))
            if engine == "postgresql" and ctx.cluster is not None:
                ctx.cluster.drop_database(target)
        finally:
            peaks = rss.stop()
        peak = {f"peak_rss_{k}_mib": v for k, v in peaks.items()}
        return [figure("batch import at the centre", size, engine, import_s, REF, bare,
                       "", records=report.new, batch_mib=round(mib, 1),
                       load_average=[round(x, 2) for x in os.getloadavg()],
                       **({"note": "work_dir created by the benchmark"} if created else {}),
                       peak_rss_import_mib=peaks.get("import")),
                figure("batch export at the laptop (SQLite)", size, engine, export_s,
                       laptop_mib=round(laptop_mib, 1), fill_s=round(fill_s, 1), **peak)]
    attempt(out, "batch import at the centre", size, engine, measure)
    return out
