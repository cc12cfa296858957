"""The centre re-validates incoming values: an invalid record is rejected with a reason (its
children too), the rest of the batch is applied."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, centre_url_for
from sqlalchemy import select

from yeda_desktop.demo.people import uscc_code
from yeda_desktop.models import Organization, Person
from yeda_desktop.syncflow.incoming_checks import problem


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, list[Site], Path]:
    """The centre on each engine in turn; laptops keep SQLite files."""
    return build_sites(tmp_path_factory.mktemp("checks"),
                       1, orgs=20, centre_url=centre_url_for(request))


def broken(code: str) -> str:
    """The same USCC with a wrong check character."""
    return code[:-1] + ("1" if code[-1] != "1" else "2")


def test_validators_are_the_models_own() -> None:
    good = uscc_code(random.Random(1), "91")
    assert problem("organizations", {"uscc": good}, ["uscc"]) is None
    bad = problem("organizations", {"uscc": broken(good)}, ["uscc"])
    assert bad is not None and bad.field == "uscc"
    assert problem("organizations", {"name": None}, ["name"]) is not None  # required
    assert problem("people", {"id_number": "110101199003070000"}, ["id_number"]) is not None


def test_invalid_uscc_rejects_the_record_not_the_batch(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (laptop,), stick = sites
    rng = random.Random(11)
    good, bad, edited = uscc_code(rng, "91"), uscc_code(rng, "91"), uscc_code(rng, "92")
    db = laptop.open()
    with db.session(officer="队员") as session:
        kept = Organization(name="烟台好码科技有限公司", uscc=good)
        refused = Organization(name="烟台坏码科技有限公司", uscc=bad)
        session.add_all([kept, refused])
        session.flush()
        session.add(Person(organization_id=refused.id, name="张三"))
        existing = session.scalars(select(Organization).order_by(Organization.name)).first()
        assert existing is not None
        existing.uscc = edited
        ids = kept.id, refused.id, existing.id
    # a laptop bug (or a hand-made package) stores what the model would never accept
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE organizations SET uscc = ? WHERE id = ?",
                             (broken(bad), ids[1]))
        conn.exec_driver_sql("UPDATE organizations SET uscc = ? WHERE id = ?",
                             (broken(edited), ids[2]))
    db.close()
    laptop.cli("export", str(stick / "bad-uscc.yeda"))

    db = centre.open()
    with db.reader() as session:
        before = session.get(Organization, ids[2])
        assert before is not None
        old_uscc = before.uscc
    db.close()
    out = centre.cli("import", str(stick / "bad-uscc.yeda"))
    assert "imported batch" in out and "rejected 3" in out, out
    assert out.count("uscc") >= 2 and "the record it belongs to was rejected as invalid" in out
    # Each refused record is named, with the start of its id (for `yeda audit`).
    assert f"拒收 / rejected 单位“烟台坏码科技有限公司” ({ids[1][:8]}): 数据无效" in out, out
    assert "拒收 / rejected 人员“张三” (" in out, out
    db = centre.open()
    with db.reader() as session:
        assert session.get(Organization, ids[0]) is not None
        assert session.get(Organization, ids[1]) is None
        assert session.scalars(select(Person).where(Person.organization_id == ids[1])).all() == []
        unchanged = session.get(Organization, ids[2])
        assert unchanged is not None and unchanged.uscc == old_uscc
    db.close()


def test_a_new_record_is_checked_in_every_validated_field() -> None:
    """No fields named: every column with a validator, the same verdict as naming them."""
    values = {"name": "王芳", "phone": "1381234567", "id_number": "110101199003070000"}
    every = problem("people", values)
    assert every is not None and every == problem("people", values, list(values))
    assert every.field == "id_number"  # the first refused, in column order (by name)
    assert problem("people", {**values, "phone": None, "id_number": None}) is None


def test_a_new_record_without_a_required_value_is_refused() -> None:
    """A batch line leaves blanks out: a left-out name is judged as a blank one."""
    missing = problem("organizations", {"staff_count": 12})
    assert missing is not None and missing.field == "name"
    assert problem("organizations", {"name": "烟台好码科技有限公司", "staff_count": 12}) is None


def test_a_remembered_verdict_is_one_of_its_own_type() -> None:
    """A staff count of 1 passes; true (a flag sent into a count) does not, although
    true == 1 in Python: verdicts are remembered per value and type."""
    org = {"name": "烟台好码科技有限公司"}
    assert problem("organizations", {**org, "staff_count": 1}) is None
    flag = problem("organizations", {**org, "staff_count": True})
    assert flag is not None and flag.field == "staff_count"
    assert problem("organizations", {**org, "staff_count": 1.0}) is not None
