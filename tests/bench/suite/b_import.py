"""5. A laptop's batch imported at the centre (syncflow) vs a bare executemany of the same rows.

As bench_sync.py: the laptop (SQLite) holds `size` organizations and 3 people each,
written raw with their change log; its batch is exported, then imported at a centre on
the engine measured (verified, decrypted, merged, committed). Reference: the same
organizations and people rows inserted by a driver-level executemany into an empty
migrated database of the same engine.
"""

from __future__ import annotations

import random
from pathlib import Path

from yeda_desktop.storage import Database, open_database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow import enrolment
from yeda_desktop.syncflow.batch_export import export_batch
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import Role, set_role
from yeda_desktop.syncflow.profile import export_profile, import_profile
from yeda_desktop.syncflow.records import columns

from .common import Context, Figure, attempt, bare_executemany, figure, timed

NAME = "import"
REF = "bare executemany of the same rows"


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
    from tests.bench.bench_sync import fill_laptop

    out: list[Figure] = []
    root = ctx.tmp / f"import-{engine}-{size}"
    root.mkdir(exist_ok=True)

    def measure() -> list[Figure]:
        centre_location = (str(root / "centre.sqlite") if engine == "sqlite"
                           else ctx.fresh(engine, "centre"))
        centre, ckeys, laptop, lkeys = _pair(root, centre_location)
        rows = fill_laptop(laptop, size, random.Random(1))
        export_s, _ = timed(lambda: export_batch(laptop, lkeys, root / "batch.yeda",
                                                 officer="o"))
        laptop.close()
        # The importer spools payloads into work_dir without creating it (for a PostgreSQL
        # database it is under the user's data folder): create it, and say so.
        created = not centre.work_dir.exists()
        centre.work_dir.mkdir(parents=True, exist_ok=True)
        import_s, report = timed(lambda: import_file(centre, ckeys, root / "batch.yeda"))
        centre.close()
        if report.status != "imported":
            raise RuntimeError("; ".join(report.lines())[:500])
        target = ctx.fresh(engine, "import-ref")
        bare = bare_executemany(engine, target,
                                {t: (columns(t), data) for t, data in rows.items()})
        del rows
        mib = (root / "batch.yeda").stat().st_size / 2**20
        if engine == "postgresql" and ctx.cluster is not None:
            ctx.cluster.drop_database(target)
            ctx.cluster.drop_database(centre_location)
        return [figure("batch import at the centre", size, engine, import_s, REF, bare,
                       "", records=report.new, batch_mib=round(mib, 1),
                       **({"note": "work_dir created by the benchmark"} if created else {})),
                figure("batch export at the laptop (SQLite)", size, engine, export_s)]
    attempt(out, "batch import at the centre", size, engine, measure)
    return out
