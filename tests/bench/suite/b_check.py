"""4. `yeda check` (storage.check.check_database) vs count(*) of every table."""

from __future__ import annotations

from yeda_desktop.models import Base
from yeda_desktop.storage.check import check_database

from .common import Context, Dataset, Figure, attempt, figure, timed

NAME = "check"


def run(ctx: Context, ds: Dataset) -> list[Figure]:
    out: list[Figure] = []

    def measure() -> Figure:
        db = ds.db()
        tables = [t.name for t in Base.metadata.sorted_tables]
        with db.engine.connect() as conn:
            ref, _ = timed(lambda: [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                                    for t in tables])
            seconds, problems = timed(lambda: check_database(conn))
        return figure("yeda check", ds.size, ds.engine, seconds,
                      f"SELECT count(*) of every table ({len(tables)})", ref,
                      problems=len(problems))
    attempt(out, "yeda check", ds.size, ds.engine, measure)
    return out
