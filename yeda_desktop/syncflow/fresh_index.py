"""Search documents of the records a batch adds, written while the batch still merges.

After the merge, the index is refreshed from the stored rows of the records the batch
named (`search_index.refresh_records`); for a 10,000-organization batch that took a
fifth of the import, at a time when nothing else ran. A new record's row is exactly
the values the merge inserted, so its document can be made from them as soon as its
terms are known (answered by the search worker) and written by the write-behind
thread while the merge goes on. The merge leaves out of the refresh only the new
records handed here and named by no other line of the batch (`Merger.reindex`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Connection

from yeda_desktop.search_terms import KEY_COLUMNS, TermKey
from yeda_desktop.storage import search_index

Known = Callable[[], Mapping[TermKey, str]]

# Documents computed and written together when not answered by a worker.
WRITE_FROM = 5000
# New records held for their terms at most; beyond, the oldest are computed here, so
# memory stays bounded whatever the batch and however slow the worker.
WAITING_AT_MOST = 20_000

_MAKE: dict[str, Callable[..., search_index.Doc]] = {
    "organizations": search_index.org_doc,
    "people": search_index.person_doc,
}


def covers(table: str) -> bool:
    return table in KEY_COLUMNS


class FreshIndex:
    """Indexes a batch's new organizations and people (`add`), then the rest (`finish`).

    The worker answers keys in the order they were sent, the order records are added
    here: documents are written from the front of the waiting line up to the first
    record whose terms are not back yet.
    """

    def __init__(self, conn: Connection, known: Known | None = None) -> None:
        self._docs = search_index.NewDocs(conn)
        self._known = known
        self._waiting: deque[tuple[str, str, TermKey]] = deque()  # table, record id, key

    def add(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """The stored values of new rows of `table` (one `covers`)."""
        kind, cols = KEY_COLUMNS[table]
        self._waiting.extend((table, str(v["id"]), (kind, *map(v.get, cols))) for v in rows)
        known = self._known() if self._known else {}
        # Over the bound, computed here down to a WRITE_FROM below it (a few large writes).
        overflow = len(self._waiting) > WAITING_AT_MOST
        ready: list[search_index.Doc] = []
        while self._waiting:
            of, rid, key = self._waiting[0]
            terms = known.get(key)
            if terms is not None:
                ready.append((str(key[0]), rid, str(key[1]), terms))
            elif overflow and len(self._waiting) > WAITING_AT_MOST - WRITE_FROM:
                ready.append(_MAKE[of](rid, *key[1:]))
            else:
                break
            self._waiting.popleft()
        self._docs.write(ready)

    def finish(self, answer: Mapping[TermKey, str]) -> None:
        """Write every document still waiting: terms from `answer`, or computed here."""
        ready: list[search_index.Doc] = []
        while self._waiting:
            of, rid, key = self._waiting.popleft()
            terms = answer.get(key)
            ready.append(_MAKE[of](rid, *key[1:]) if terms is None
                         else (str(key[0]), rid, str(key[1]), terms))
            if len(ready) >= WRITE_FROM:
                self._docs.write(ready)
                ready = []
        self._docs.write(ready)
