"""End-to-end self-test of an installed (or frozen) app: proves every bundled part works.

It runs the real code paths on a throw-away database in a temporary folder —
migrate, register an organization, evaluate the gap rules, write and verify a
signed package, render a PDF — prints one line per step and reports success only
if every step did what it should. The user's own data is never touched.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from yeda_desktop import __version__

Step = Callable[["SelfTestContext"], str]
"""A step does one thing, raises on failure, and returns a short description of what it saw."""


@dataclass
class SelfTestContext:
    """What the steps hand to each other: the folder, the database, the new organization."""

    folder: Path
    values: dict[str, object] = field(default_factory=dict)


class SelfTestFailure(Exception):
    """A step ran but its result was wrong."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def step_migrate(ctx: SelfTestContext) -> str:
    from yeda_desktop.storage import open_database
    from yeda_desktop.storage.migrate import head_revision

    db = open_database(ctx.folder / "selftest.sqlite")
    ctx.values["db"] = db
    revision = db.schema_revision()
    _expect(revision == head_revision(), f"schema is {revision}, expected {head_revision()}")
    with db.engine.connect() as conn:
        ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    _expect(ok == "ok", f"integrity_check said {ok}")
    return f"schema {revision}, integrity ok"


def step_register(ctx: SelfTestContext) -> str:
    from yeda_desktop.demo import generate_demo
    from yeda_desktop.demo.people import uscc_code
    from yeda_desktop.models import Organization, Unit
    from yeda_desktop.services import edits, sweep
    from yeda_desktop.storage import Database

    db = ctx.values["db"]
    assert isinstance(db, Database)
    generate_demo(db, 3, seed=7)
    uscc = uscc_code(random.Random(8), "91")
    with db.session(officer="自检") as session:
        campaign = sweep.ensure_current_campaign(session)
        unit_id = session.scalars(select(Unit.id).order_by(Unit.id)).first()
        _expect(unit_id is not None, "the demo zone has no units")
        assert unit_id is not None
        edit = sweep.register_organization(
            session, unit_id, "自检测试有限公司", campaign.id, "自检", staff_count=120, uscc=uscc
        )
        edits.apply(session, edit)
        org_id = edit.created(Organization)[0]
    with db.reader() as session:
        stored = session.get(Organization, org_id)
        _expect(stored is not None and stored.uscc == uscc, "the organization was not stored")
    ctx.values["org_id"] = org_id
    return f"organization {org_id[:8]}… stored with USCC {uscc}"


def step_rules(ctx: SelfTestContext) -> str:
    from yeda_desktop.rules import evaluate, facts_for
    from yeda_desktop.storage import Database

    db = ctx.values["db"]
    assert isinstance(db, Database)
    with db.reader() as session:
        found = {f.rule_id for f in evaluate(facts_for(session, str(ctx.values["org_id"])))}
    # 120 staff, no members, no party organization: both of the sweep's key rules must fire.
    missing = {"no_party_member", "no_party_org"} - found
    _expect(not missing, f"rules did not fire: {sorted(missing)} (fired: {sorted(found)})")
    return "fired: " + ", ".join(sorted(found))


def step_package(ctx: SelfTestContext) -> str:
    from yeda_desktop.sync import (
        KeySet,
        KeyStatus,
        Manifest,
        PackageFields,
        PackageKind,
        TrustDecision,
        read_package,
        write_package,
    )

    device, centre = KeySet.generate(), KeySet.generate()
    payload = ("自检 self-test " * 200).encode()
    path = ctx.folder / "selftest.yeda"
    fields = PackageFields(
        kind=PackageKind.BATCH,
        source_device_id="selftest",
        officer="自检",
        target_centre_id="selftest-centre",
        sequence=1,
        previous_package_sha256=None,
        schema_revision="selftest",
        record_counts={"organizations": 1},
    )
    write_package(path, fields, payload, device, [centre.public.age_recipient])

    def trusted(_: Manifest) -> TrustDecision:
        return TrustDecision(KeyStatus.TRUSTED, device.public.signing)

    with read_package(path, trusted, centre, spool_dir=ctx.folder) as package:
        _expect(package.read_payload() == payload, "the payload read back differs")
    from yeda_desktop.syncflow.json_codec import dumps_sorted  # orjson, a compiled module

    _expect(dumps_sorted({"b": 1, "a": "中"}) == '{"a":"中","b":1}', "change-log JSON differs")
    return f"signed, encrypted, verified ({path.stat().st_size:,} bytes)"


def step_pdf(ctx: SelfTestContext) -> str:
    from yeda_desktop.reports import Organization, render_registration

    path = ctx.folder / "selftest.pdf"
    org = Organization(record_id=str(ctx.values.get("org_id", "selftest")), name="自检测试有限公司")
    pages = render_registration([org], path)
    data = path.read_bytes()
    _expect(pages == 1, f"{pages} pages, expected 1")
    _expect(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), "not a whole PDF")
    _expect(b"/FontFile2" in data, "no embedded TrueType font (CJK fonts missing?)")
    return f"{pages} page, {len(data):,} bytes, fonts embedded"


def step_second_processes(ctx: SelfTestContext) -> str:
    """The app starts itself again for its second processes (`child_process`). A build
    whose program cannot would still import batches and fill demos, only slower."""
    from yeda_desktop import child_process, search_terms
    from yeda_desktop.demo.second_process import start_worker
    from yeda_desktop.storage import search_worker

    names = ["自检测试有限公司", "单雪梅"]
    lines = [{"t": "people", "id": f"p{i}", "op": "put", "v": {"name": name, "phone": None}}
             for i, name in enumerate(names)]
    search_worker.discard_kept()  # a fresh start, not a worker kept from before
    try:
        with search_worker.TermPrefetch() as worker:
            list(worker.tap(lines))
            answer = dict(worker.answer(timeout=120))
    finally:
        search_worker.discard_kept()
    expected = {("person", name, None): search_terms.person_terms(name, None) for name in names}
    _expect(answer == expected, f"the search-terms process answered {answer!r}")
    with start_worker(3, 7) as demo:  # its rows are not written: the counts it ends with
        done = next(message for message in iter(demo.next, ()) if message[0] == "done")
    organizations = done[1].get("organizations", 0)
    _expect(organizations > 0, f"the demo process made {organizations} organizations")
    how = "frozen app" if child_process.frozen() else "Python"
    return f"search terms and demo rows from a second {how} process"


CORE_STEPS: list[tuple[str, Step]] = [
    ("database: create and migrate", step_migrate),
    ("register an organization", step_register),
    ("evaluate gap rules", step_rules),
    ("write and verify a signed package", step_package),
    ("render a PDF form", step_pdf),
    ("second processes", step_second_processes),
]


def run_self_test(
    extra_steps: Sequence[tuple[str, Step]] = (), out: TextIO | None = None
) -> bool:
    """Run every step in a temporary folder, printing one line each; True if all passed."""
    stream = out or sys.stdout
    print(f"YEDA Desktop {__version__} self-test", file=stream)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="yeda-selftest-") as tmp:
        ctx = SelfTestContext(Path(tmp))
        try:
            for name, step in [*CORE_STEPS, *extra_steps]:
                started = time.perf_counter()
                try:
                    detail = step(ctx)
                except Exception as exc:  # a failed step is a result to report, not a crash
                    failures += 1
                    print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=stream)
                    traceback.print_exc(file=stream)
                    continue
                elapsed = time.perf_counter() - started
                print(f"ok    {name} ({elapsed:.2f} s): {detail}", file=stream)
        finally:
            db = ctx.values.get("db")
            close = getattr(db, "close", None)
            if callable(close):
                close()
    print("self-test passed" if not failures else f"self-test FAILED ({failures})", file=stream)
    return failures == 0
