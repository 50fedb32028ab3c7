"""The watchlist index: finds the entries a query may be without comparing every entry.

Entries are filed under their name keys (`rmis.names.name_keys`: stems and sound keys that
one person's renderings share across scripts, order-free), split by birth year, and under
their OCR-folded document numbers. A query looks up its own keys in its birth year and the
unknown-year shelf (a day/month swap keeps the year), or in every year when its own is
unknown, plus its document number. Adding or removing one entry touches only its shelves.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rmis.screening.entry import Hit, ScreeningQuery, WatchlistEntry
from rmis.screening.scoring import (
    PreparedEntry,
    PreparedQuery,
    ScreeningConfig,
    blocking_keys,
    score_candidate,
)

UNKNOWN_YEAR = 0


class WatchlistIndex:
    """An in-memory, incrementally updated index of watchlist entries."""

    def __init__(self, config: ScreeningConfig | None = None) -> None:
        self.config = config or ScreeningConfig()
        self._entries: list[PreparedEntry | None] = []
        self._slot_of: dict[str, int] = {}
        self._free: list[int] = []
        self._shelves: dict[str, dict[int, list[int]]] = {}
        self._documents: dict[str, list[int]] = {}

    @classmethod
    def build(
        cls, entries: Iterable[WatchlistEntry], config: ScreeningConfig | None = None
    ) -> WatchlistIndex:
        """An index holding `entries` (a later entry with the same id replaces an earlier)."""
        index = cls(config)
        for entry in entries:
            index.add(entry)
        return index

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._slot_of

    def get(self, entry_id: str) -> WatchlistEntry | None:
        slot = self._slot_of.get(entry_id)
        prepared = None if slot is None else self._entries[slot]
        return None if prepared is None else prepared.entry

    def add(self, entry: WatchlistEntry) -> None:
        """File an entry; an entry with the same id is replaced."""
        self.remove(entry.entry_id)
        prepared = PreparedEntry.of(entry)
        slot = self._take_slot(prepared)
        self._slot_of[entry.entry_id] = slot
        year = prepared.birth.year
        for key in blocking_keys(entry.names):
            shelf = self._shelves.setdefault(sys.intern(key), {})
            shelf.setdefault(year, []).append(slot)
        for number in set(prepared.documents):
            self._documents.setdefault(number, []).append(slot)

    def remove(self, entry_id: str) -> bool:
        """Take an entry out; False when it was not there."""
        slot = self._slot_of.pop(entry_id, None)
        if slot is None:
            return False
        prepared = self._entries[slot]
        assert prepared is not None
        year = prepared.birth.year
        for key in blocking_keys(prepared.entry.names):
            _discard(self._shelves, key, year, slot)
        for number in set(prepared.documents):
            _discard_document(self._documents, number, slot)
        self._entries[slot] = None
        self._free.append(slot)
        return True

    def _take_slot(self, prepared: PreparedEntry) -> int:
        if self._free:
            slot = self._free.pop()
            self._entries[slot] = prepared
            return slot
        self._entries.append(prepared)
        return len(self._entries) - 1

    def candidates(self, query: PreparedQuery) -> set[int]:
        """Slots of the entries filed under the query's keys, year and document."""
        found: set[int] = set()
        year = query.birth.year
        for key in blocking_keys((query.query.name,)):
            shelf = self._shelves.get(key)
            if shelf is None:
                continue
            if year:
                found.update(shelf.get(year, ()), shelf.get(UNKNOWN_YEAR, ()))
            else:
                for slots in shelf.values():
                    found.update(slots)
        if query.document:
            found.update(self._documents.get(query.document, ()))
        return found

    def screen(self, query: ScreeningQuery) -> list[Hit]:
        """The entries this person may be, best first: alerts and reviews only."""
        prepared = PreparedQuery.of(query)
        hits = []
        for slot in self.candidates(prepared):
            candidate = self._entries[slot]
            assert candidate is not None
            scored = score_candidate(prepared, candidate, self.config)
            if scored is None or scored.decision is None:
                continue
            entry = candidate.entry
            hits.append(
                Hit(
                    query.query_id,
                    entry.entry_id,
                    scored.score,
                    scored.decision,
                    scored.explanation,
                    entry.version,
                )
            )
        hits.sort(key=lambda h: (-h.score, h.entry_id))
        return hits[: self.config.max_hits]


def _discard(shelves: dict[str, dict[int, list[int]]], key: str, year: int, slot: int) -> None:
    shelf = shelves.get(key, {})
    slots = shelf.get(year, [])
    if slot in slots:
        slots.remove(slot)
    if not slots:
        shelf.pop(year, None)
    if not shelf:
        shelves.pop(key, None)


def _discard_document(documents: dict[str, list[int]], number: str, slot: int) -> None:
    slots = documents.get(number, [])
    if slot in slots:
        slots.remove(slot)
    if not slots:
        documents.pop(number, None)
