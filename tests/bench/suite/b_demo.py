"""1. Demo generation (generate_demo) vs a raw executemany of the same organization rows.

The datasets every other benchmark uses are built here: SQLite by generate_demo; on
PostgreSQL generate_demo is timed too and, if it fails, the SQLite demo of the same size
is copied in with storage.transfer (noted in the report).
"""

from __future__ import annotations

import sqlite3

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.transfer import transfer

from .common import Context, Dataset, Figure, attempt, bare_executemany, figure, timed

NAME = "demo"
SEED = 1
REF = "raw executemany of the same organizations rows"


def build(ctx: Context, engine: str, size: int, sqlite_source: Dataset | None,
          out: list[Figure]) -> Dataset:
    label = f"demo-{engine}-{size}"
    if engine == "sqlite":
        path = ctx.tmp / f"{label}.sqlite"
        db = open_database(path)
        seconds, _ = timed(lambda: generate_demo(db, size, seed=SEED))
        db.close()
        dataset = Dataset(engine, size, str(path), path)
        out.append(figure("demo generation", size, engine, seconds))
        return dataset
    assert sqlite_source is not None and ctx.cluster is not None
    url = ctx.cluster.new_database()
    db = open_database(url)
    try:
        seconds, _ = timed(lambda: generate_demo(db, size, seed=SEED))
        out.append(figure("demo generation", size, engine, seconds))
        return Dataset(engine, size, url, sqlite_source.sqlite_source)
    except Exception as exc:  # recorded, then the data is copied instead
        out.append(Figure("demo generation", size, engine, None,
                          error=f"{type(exc).__name__}: {str(exc)[:500]}"))
    finally:
        db.close()
    ctx.cluster.drop_database(url)
    url = ctx.cluster.new_database()
    target = open_database(url)
    source = open_database(sqlite_source.location, check=False)
    seconds, _ = timed(lambda: transfer(source, target))
    source.close()
    target.close()
    out.append(figure("copy of the SQLite demo (storage.transfer)", size, engine, seconds))
    return Dataset(engine, size, url, sqlite_source.sqlite_source,
                   note="generate_demo failed; data copied from SQLite with storage.transfer")


def reference(ctx: Context, dataset: Dataset, out: list[Figure]) -> None:
    """Fill in the reference of this dataset's 'demo generation' figure."""
    def measure() -> list[Figure]:
        src = sqlite3.connect(dataset.sqlite_source)
        cursor = src.execute("SELECT * FROM organizations")
        cols = [d[0] for d in cursor.description]
        rows = [tuple(None if c == "verified_campaign_id" else v for c, v in zip(cols, r,
                                                                              strict=True))
                for r in cursor]
        src.close()
        target = ctx.fresh(dataset.engine, "demo-ref")
        return [figure("bare insert", dataset.size, dataset.engine,
                       bare_executemany(dataset.engine, target,
                                        {"organizations": (cols, rows)}),
                       rows=len(rows))]
    got: list[Figure] = []
    attempt(got, "demo reference", dataset.size, dataset.engine, measure)
    for f in out:
        if f.name == "demo generation" and f.size == dataset.size \
                and f.engine == dataset.engine and f.seconds is not None:
            if got[0].seconds is None:
                f.reference_name, f.extra["reference_error"] = REF, got[0].error
            else:
                f.reference_name, f.reference_seconds = REF, got[0].seconds
                f.ratio = f.seconds / got[0].seconds
