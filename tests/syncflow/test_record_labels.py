"""Records named in the centre's queues, many at a time.

The conflict and duplicate queues named each record with a query of its own: 2,000 open
entries took 0.3–0.46 s to show, each time the tab was shown or an entry decided (GUI
thread). They are now read a few hundred per query; each label must stay what it was.
"""

from __future__ import annotations

from sqlalchemy import text

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.conflicts import record_label, record_labels


def test_many_labels_at_once_are_the_labels_one_at_a_time(db: Database) -> None:
    generate_demo(db, 700, 1)
    with db.engine.begin() as conn:
        orgs = [r[0] for r in conn.execute(text("SELECT id FROM organizations ORDER BY id"))]
        floor = conn.execute(text("SELECT id FROM floors LIMIT 1")).scalar_one()
        unnamed = conn.execute(text("SELECT id FROM occupancies LIMIT 1")).scalar_one()
        conn.execute(text("UPDATE organizations SET name = '' WHERE id = :id"), {"id": orgs[0]})
        gone = "0123abcd-0000-4000-8000-000000000000"  # merged away or deleted
        wanted = [("organizations", o) for o in orgs] + [
            ("organizations", gone), ("floors", floor), ("occupancies", unnamed),
            ("devices", gone), ("organizations", orgs[5]),  # named twice
        ]
        many = record_labels(conn, wanted)
        assert len(orgs) > 500  # more than one query's worth
        assert set(many) == set(wanted)
        assert many == {key: record_label(conn, *key) for key in wanted}
        name = conn.execute(text("SELECT name FROM organizations WHERE id = :id"),
                            {"id": orgs[5]}).scalar_one()
        assert many[("organizations", orgs[5])] == f"{name} ({orgs[5][:8]})"
        assert many[("organizations", orgs[0])] == orgs[0][:8]  # no name: the id's start
        assert many[("organizations", gone)] == "0123abcd"
        assert many[("occupancies", unnamed)] == unnamed[:8]  # a table without a name
        label = conn.execute(text("SELECT label FROM floors WHERE id = :id"),
                             {"id": floor}).scalar_one()
        assert many[("floors", floor)] == f"{label} ({floor[:8]})"
