"""A batch's search terms computed by the second process (search_worker) are the terms.

The importer hands the payload to a worker process and takes the terms it computed
for the names and phones as they are stored after the merge; anything else is
computed in place. Either way a search right after the import finds the records,
and every indexed document holds exactly the terms computed here.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, edit_row
from sqlalchemy import select, text

from yeda_desktop import child_process, search_terms
from yeda_desktop.models import Organization, Person
from yeda_desktop.search_terms import TermKey
from yeda_desktop.services.search import search
from yeda_desktop.storage import search_index, search_worker

# Polyphones read through their phrases (重庆 chong, 银行 hang, 长江 chang, 长安 chang)
# and a name edited after it was exported once (the merge then updates the row).
NAMES = ["重庆银行烟台分行", "长江重工有限公司", "单县行知学校", "朝阳银行长安支行"]
PEOPLE = ["单雪梅", "曾重阳", "解晓东"]


def test_the_worker_answers_the_terms_of_the_keys_the_lines_give() -> None:
    lines: list[object] = [
        {"t": "organizations", "id": "o1", "op": "put",
         "v": {"name": NAMES[0], "uscc": None, "contact_phone": "0535-6123456"}},
        {"t": "people", "id": "p1", "op": "put", "v": {"name": PEOPLE[0], "phone": None}},
        {"t": "people", "id": "p2", "op": "del"},
        {"t": "organizations", "id": "o2", "op": "put", "v": {"name": 7}},  # not indexable
        {"t": "people", "id": "p4", "op": "put", "v": {"name": "甲", "phone": 139}},
        {"t": "units", "id": "u1", "op": "put", "v": {"label": "101"}},
        ["not", "a", "line"],
        {"t": "people", "id": "p3", "op": "put",
         "v": {"name": PEOPLE[1], "phone": "13812345678"}},
    ]
    keys = [k for line in lines if (k := search_terms.key_of(line)) is not None]
    assert keys == [("org", NAMES[0], None, "0535-6123456"), ("person", PEOPLE[0], None),
                    ("person", PEOPLE[1], "13812345678")]
    source = io.BytesIO()
    for key in keys:  # one message each, and one key twice
        pickle.dump([key, key], source)
    pickle.dump(None, source)
    source.seek(0)
    out = io.BytesIO()
    assert search_terms.serve(source, out) == 0
    # one answer per message, as soon as it is computed (a key answered once), then None
    parts = messages(out)
    assert parts[-1] is None and len(parts) == len(keys) + 1
    assert [list(part) for part in parts[:-1]] == [[key] for key in keys]
    answer = {k: v for part in parts[:-1] for k, v in part.items()}
    assert answer == {key: search_terms.terms_of(key) for key in keys}
    words = answer[("org", NAMES[0], None, "0535-6123456")].split()
    assert {"chongqingyinhangyantaifenhang", "hangyantaifenhang", "cqyhytfh"} <= set(words)


def test_one_worker_answers_one_import_after_another() -> None:
    """Each import is answered in full (a key answered in an earlier import again) and
    ended with None; the worker ends when the pipe closes between imports."""
    first, second = ("person", PEOPLE[0], None), ("person", PEOPLE[1], "13812345678")
    source = io.BytesIO()
    for message in ([first], None, [first, second], None):
        pickle.dump(message, source)
    source.seek(0)
    out = io.BytesIO()
    assert search_terms.serve(source, out) == 0
    terms = search_terms.terms_of
    assert messages(out) == [{first: terms(first)}, None,
                             {first: terms(first), second: terms(second)}, None]


def test_an_idle_worker_ends_by_itself() -> None:
    reading, writing = os.pipe()  # never written to: no import comes
    out = io.BytesIO()
    with os.fdopen(reading, "rb") as source:
        try:
            assert search_terms.serve(source, out, idle_s=0.2) == 0
        finally:
            os.close(writing)  # lets its reading thread end, so the file can close
    assert messages(out) == []


def messages(out: io.BytesIO) -> list[object]:
    out.seek(0)
    found = []
    while out.tell() < len(out.getvalue()):
        found.append(pickle.load(out))
    return found


def test_a_worker_whose_importer_went_away_does_not_say_it_is_done() -> None:
    source = io.BytesIO()
    pickle.dump([("person", PEOPLE[0], None)], source)
    source.seek(0)
    out = io.BytesIO()
    assert search_terms.serve(source, out) == 1
    # what it computed, but no end marker: the importer that comes back to read (none
    # does) could not take it for a complete answer
    assert messages(out) == [{("person", PEOPLE[0], None): search_terms.terms_of(
        ("person", PEOPLE[0], None))}]


def stored_terms_match(site: Site, kind: str, ref_id: str, terms: str) -> bool:
    db = site.open()
    try:
        with db.engine.connect() as conn:
            same = conn.execute(text(
                f"SELECT f.terms = {search_index.terms_value(conn.dialect.name)} "
                f"FROM {search_index.DOCS} d JOIN {search_index.FTS} f ON f.rowid = d.rowid "
                "WHERE d.ref_id = :r AND d.kind = :k"), {"t": terms, "r": ref_id, "k": kind},
            ).scalar()
            return bool(same)
    finally:
        db.close()


def found(site: Site, query: str) -> set[str]:
    db = site.open()
    try:
        with db.reader() as session:
            return {hit.ref_id for hit in search(session, query)}
    finally:
        db.close()


@pytest.fixture(autouse=True)
def no_kept_worker() -> Iterator[None]:
    """Each test starts its own workers (some change how they start)."""
    search_worker.discard_kept()
    yield
    search_worker.discard_kept()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[dict[TermKey, str]]:
    """Every batch starts a worker; what each worker answered."""
    seen: list[dict[TermKey, str]] = []
    answer = search_worker.TermPrefetch.answer

    def spy(self: search_worker.TermPrefetch, timeout: float = 600.0) -> object:
        got = answer(self, timeout)
        seen.append(dict(got))
        return got

    monkeypatch.setattr(search_worker, "WORKER_FROM", 1)
    # by default not into PostgreSQL (see WORKER_ENGINES); the path is the same there
    monkeypatch.setattr(search_worker, "WORKER_ENGINES", frozenset({"sqlite", "postgresql"}))
    monkeypatch.setattr(search_worker.TermPrefetch, "answer", spy)
    return seen


def worker_runs(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """Workers started from now on run this Python source instead."""
    search_worker.discard_kept()
    monkeypatch.setattr(child_process, "command",
                        lambda _name, *_args: [sys.executable, "-c", source])


@pytest.mark.parametrize("worker", ["answers", "fails"])
def test_imported_records_are_found_with_the_same_terms(
    tmp_path: Path, centre_url: str | None, answers: list[dict[TermKey, str]],
    monkeypatch: pytest.MonkeyPatch, worker: str,
) -> None:
    if worker == "fails":  # a worker that dies at once: every term is computed in place
        worker_runs(monkeypatch, "import sys; sys.exit(3)")
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=12, centre_url=centre_url)
    db = laptop.open()
    with db.session(officer="队员") as session:
        orgs = [Organization(name=name, staff_count=10 + i,
                             contact_phone=f"1390000{i:04d}") for i, name in enumerate(NAMES)]
        session.add_all(orgs)
        session.flush()
        people = [Person(organization_id=orgs[i].id, name=name, phone=f"1370000{i:04d}")
                  for i, name in enumerate(PEOPLE)]
        session.add_all(people)
        edited = session.scalars(
            select(Organization).where(Organization.id.not_in([o.id for o in orgs]))
            .order_by(Organization.name)).first()
        assert edited is not None
        edited.name = "解放路重庆银行营业部"
        ids = [(o.id, o.name, o.uscc, o.contact_phone) for o in orgs]
        person_ids = [(p.id, p.name, p.phone) for p in people]
        edited_id = edited.id
    db.close()
    laptop.cli("export", str(stick / "batch.yeda"), officer="队员")
    assert "imported batch" in centre.cli("import", str(stick / "batch.yeda"))

    assert len(answers) == 1
    if worker == "answers":
        assert ("org", *ids[0][1:]) in answers[0]
        assert ("person", *person_ids[0][1:]) in answers[0]
    else:
        assert answers[0] == {}
    for oid, name, uscc, phone in ids:
        assert stored_terms_match(centre, "org", oid, search_terms.org_terms(name, uscc, phone))
    for pid, name, phone in person_ids:
        assert stored_terms_match(centre, "person", pid, search_terms.person_terms(name, phone))
    assert ids[0][0] in found(centre, "chongqingyinhang")
    assert ids[1][0] in found(centre, "cjzg")
    assert ids[2][0] in found(centre, "县行知")
    assert ids[3][0] in found(centre, "银行长安")
    assert person_ids[0][0] in found(centre, "xuemei")
    assert edited_id in found(centre, "jiefanglu")


def test_no_worker_for_a_small_batch_or_a_server() -> None:
    assert search_worker.prefetch_for({"organizations": 10, "people": 30}, "sqlite") is None
    assert search_worker.prefetch_for({"organizations": 10_000}, "postgresql") is None
    worker = search_worker.prefetch_for({"organizations": 10_000}, "sqlite")
    assert worker is not None
    try:
        assert worker.answer() == {}  # nothing sent, nothing answered
    finally:
        worker.close()


def test_a_worker_whose_answer_cannot_be_read_does_not_hang_the_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The answer is unreadable (not a pickle) and larger than a pipe holds: the worker
    blocks writing it; closing stops the worker instead of waiting for it forever."""
    worker_runs(monkeypatch, "import pickle, sys; pickle.load(sys.stdin.buffer); "
                "sys.stdout.buffer.write(b'not a pickle' * 1_000_000); sys.stdout.flush()")
    monkeypatch.setattr(search_worker, "REAP_TIMEOUT_S", 0.5)
    worker = search_worker.TermPrefetch()
    assert worker.answer(timeout=30) == {}
    closing = threading.Thread(target=worker.close, daemon=True)
    closing.start()
    closing.join(20)  # before, close() waited for the blocked worker forever
    if closing.is_alive():
        worker._process.kill()
    assert not closing.is_alive() and worker._process.returncode is not None


def keys_lines(names: list[str]) -> list[dict[str, object]]:
    return [{"t": "people", "id": f"p{i}", "op": "put", "v": {"name": name, "phone": None}}
            for i, name in enumerate(names)]


def answers_one_import(worker: search_worker.TermPrefetch) -> bool:
    """The worker answers an import of one person's name with that person's terms."""
    list(worker.tap(keys_lines(PEOPLE[:1])))
    return set(worker.answer()) == {("person", PEOPLE[0], None)}


def test_a_worker_that_answered_an_import_serves_the_next() -> None:
    first = search_worker.TermPrefetch()
    list(first.tap(keys_lines(PEOPLE[:2])))
    assert set(first.answer()) == {("person", name, None) for name in PEOPLE[:2]}
    first.close()
    second = search_worker.TermPrefetch()
    try:
        assert second._process is first._process  # pypinyin not loaded again
        list(second.tap(keys_lines(PEOPLE)))
        assert second.answer() == {("person", name, None): search_terms.person_terms(name, None)
                                   for name in PEOPLE}
    finally:
        second.close()
    assert second._process.poll() is None  # kept again
    search_worker.discard_kept()
    assert second._process.returncode == 0  # told to stop, it ended on its own


def test_a_worker_left_in_the_middle_of_an_import_is_not_kept() -> None:
    """A cancelled import: the worker may still be computing an answer nobody reads."""
    abandoned = search_worker.TermPrefetch()
    list(abandoned.tap(keys_lines(PEOPLE * 700)))  # more than one message's worth
    abandoned.close()  # no answer() first
    assert abandoned._process.poll() is not None
    fresh = search_worker.TermPrefetch()
    try:
        assert fresh._process is not abandoned._process
        assert answers_one_import(fresh)
    finally:
        fresh.close()


def test_closing_ends_even_when_the_worker_went_away_as_the_end_was_sent() -> None:
    """The end of an import (None) is the message whose sending fails when the worker
    is gone just then (killed by a cancelled import, or crashed): the feeder thread
    waited for a None already taken, and `close` (a cancelled import in the window)
    joined it forever (seen once in a test run, 2026-11-30)."""
    worker = search_worker.TermPrefetch()
    assert worker._process.stdin is not None
    worker._process.stdin.close()  # gone before the end is sent: sending it fails
    closing = threading.Thread(target=worker.close, daemon=True)
    closing.start()
    closing.join(30)
    assert not closing.is_alive(), "close() hung on the feeder thread"
    assert worker._process.poll() is not None  # not kept: it never answered


def test_a_kept_worker_that_died_or_is_about_to_end_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for end in ("died", "idle"):
        kept = search_worker.TermPrefetch()
        kept.answer()
        kept.close()
        assert kept._process.poll() is None
        if end == "died":
            kept._process.kill()
            kept._process.wait()
        else:  # kept longer than the worker waits, less the margin
            monkeypatch.setattr(search_worker, "IDLE_S", search_worker.REUSE_MARGIN_S)
        new = search_worker.TermPrefetch()
        try:
            assert new._process is not kept._process
            assert answers_one_import(new)
        finally:
            new.close()
        assert kept._process.poll() is not None


def test_a_worker_started_ahead_serves_the_first_import() -> None:
    assert not search_worker.warm("postgresql")  # the server's process is busy there
    assert search_worker.warm("sqlite")
    ready = search_worker._kept
    assert ready is not None
    assert search_worker.warm("sqlite") and search_worker._kept is ready  # one at most
    first = search_worker.TermPrefetch()
    try:
        assert first._process is ready[0]
        assert answers_one_import(first)
    finally:
        first.close()


def test_yeda_import_starts_the_worker_before_reading_the_keys_for_a_large_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`yeda import` is one import in a fresh process: a worker started first loads
    pypinyin while the keys are read (a passphrase typed) and the package is checked,
    instead of on the other core while the merge writes. A small file gets none (it
    would only be started and stopped), and neither does a laptop."""
    from yeda_desktop.cli import cmd_import
    from yeda_desktop.cli.common import EXIT_USER_ERROR
    from yeda_desktop.syncflow import importer

    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=12)
    db = laptop.open()
    with db.reader() as session:
        org_id = session.scalars(select(Organization.id)).first()
    db.close()
    assert org_id is not None
    edit_row(laptop, "队员", Organization, org_id, staff_count=99)
    batch = stick / "batch.yeda"
    laptop.cli("export", str(batch))
    steps: list[str] = []
    monkeypatch.setattr(search_worker, "warm",
                        lambda dialect: steps.append(f"worker {dialect}") is None)
    read_keys = cmd_import.keys_from_args
    monkeypatch.setattr(cmd_import, "keys_from_args",
                        lambda args: steps.append("keys") or read_keys(args))
    monkeypatch.setattr(importer, "EARLY_WORKER_BYTES", batch.stat().st_size + 1)
    centre.cli("import", str(batch))
    assert steps == ["keys"]  # a byte short of large: no worker ahead
    monkeypatch.setattr(importer, "EARLY_WORKER_BYTES", batch.stat().st_size)
    steps.clear()
    centre.cli("import", str(batch), str(tmp_path / "no-such.yeda"), expect=EXIT_USER_ERROR)
    assert steps == ["worker sqlite", "keys"]
    steps.clear()
    laptop.cli("import", str(batch), expect=EXIT_USER_ERROR)  # refused there anyway
    assert steps == ["keys"]
