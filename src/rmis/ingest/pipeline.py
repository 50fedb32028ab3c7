"""Ingest: validate every record, store the good ones in batches, quarantine the rest.

Counts in equal counts out: `read = stored + duplicate + quarantined`. Each batch is one
transaction (crossings, quarantine and the batch's audit entry together), and storing is
idempotent by `(authority, event_id)`, so a run cut off at any point can simply be run again.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rmis.access import authorize
from rmis.config import INGEST_BATCH_SIZE, REINDEX_ABOVE_MB
from rmis.ingest.fastpath import quick_row, quick_values
from rmis.ingest.readers import ByteProgress, PlainLine, RawRecord, as_record, read_lines
from rmis.model import AuditEntry, Crossing, Permission, Principal, Problem, validate_crossing
from rmis.registry import (
    CrossingRow,
    HeldRecord,
    Registry,
    append_audit,
    hold_records,
    row_builder,
    write_crossings,
)


@dataclass(slots=True)
class IngestSummary:
    """What one ingest did: `read == stored + duplicate + quarantined`."""

    source: str
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    quarantined: int = 0
    held: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if not self.held:
            out.pop("held")
        return out


def check_record(record: RawRecord, node_authority: str) -> Crossing | list[Problem]:
    """The crossing a record holds, or all its problems (including belonging to another node)."""
    if not record.problems and record.fields.get("authority") == node_authority:
        return validate_crossing(record.fields)  # the common case, kept short
    outcome = validate_crossing(record.fields)
    problems = list(record.problems)
    authority = record.fields.get("authority", "")
    if authority and authority != node_authority:
        problems.append(
            Problem("authority", f"recorded by {authority}; this node keeps {node_authority}'s")
        )
    if isinstance(outcome, list):
        return problems + outcome
    return problems or outcome


class _Batcher:
    """Collects checked records and writes them, a batch per transaction."""

    def __init__(
        self,
        registry: Registry,
        principal: Principal,
        summary: IngestSummary,
        overlap: bool | None = None,
    ) -> None:
        self.registry = registry
        self.principal = principal
        self.summary = summary
        self.build = row_builder(registry.dialect)
        self.rows: list[CrossingRow] = []
        self.held: list[HeldRecord] = []
        self.first_line = 0
        self.last_line = 0
        # PostgreSQL works in its own process: writing one batch while the next is validated
        # keeps both busy. SQLite works inside this process and takes the interpreter lock
        # back after every row it steps, so a writer thread would mostly wait: in line.
        if overlap is None:
            overlap = registry.dialect == "postgresql"
        self.writer = ThreadPoolExecutor(1, "rmis-ingest-writer") if overlap else None
        self.pending: tuple[Future[int], _Batch] | None = None

    def add_row(self, line: int, row: CrossingRow) -> None:
        """A record the short way found valid, as its row."""
        if not self.rows and not self.held:
            self.first_line = line
        self.last_line = line
        self.rows.append(row)

    def add(self, record: RawRecord, outcome: Crossing | list[Problem], keep_held: bool) -> None:
        if not self.rows and not self.held:
            self.first_line = record.line
        self.last_line = record.line
        if isinstance(outcome, Crossing):
            self.rows.append(self.build(outcome, self.summary.source))
            return
        self.held.append(
            HeldRecord(
                self.summary.source, record.line, held_text(record.raw), outcome, record.fields
            )
        )
        if keep_held:
            self.summary.held.append(
                {"line": record.line, "problems": [p.as_dict() for p in outcome]}
            )

    @property
    def size(self) -> int:
        return len(self.rows) + len(self.held)

    def flush(self) -> None:
        """Hand the batch to the writer; at most one batch is written while the next is read."""
        if not self.size:
            return
        batch = _Batch(self.rows, self.held, (self.first_line, self.last_line))
        self.rows, self.held = [], []
        self.wait()
        if self.writer is None:
            self._count(self._write(batch), batch)
        else:
            self.pending = (self.writer.submit(self._write, batch), batch)

    def wait(self) -> None:
        """Wait for the batch being written and count it (its errors surface here)."""
        if self.pending is not None:
            future, batch = self.pending
            self.pending = None
            self._count(future.result(), batch)

    def close(self) -> None:
        """Wait for the batch in flight and stop the writer."""
        try:
            self.wait()
        finally:
            if self.writer is not None:
                self.writer.shutdown()

    def _count(self, stored: int, batch: _Batch) -> None:
        self.summary.stored += stored
        self.summary.duplicate += len(batch.rows) - stored
        self.summary.quarantined += len(batch.held)

    def _write(self, batch: _Batch) -> int:
        with self.registry.unit_of_work() as conn:
            stored = write_crossings(conn, batch.rows)
            hold_records(conn, self.principal.authority, batch.held)
            append_audit(conn, self._audit_entry(batch, stored))
        return stored

    def _audit_entry(self, batch: _Batch, stored: int) -> AuditEntry:
        p = self.principal
        return AuditEntry(
            at=dt.datetime.now(dt.UTC),
            authority=p.authority,
            user=p.user,
            role=p.role.value,
            action="crossings.ingest",
            subject=f"source:{self.summary.source}",
            purpose=p.purpose or "ingest",
            detail={
                "lines": list(batch.lines),
                "valid": len(batch.rows),
                "stored": stored,
                "quarantined": len(batch.held),
            },
        )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def held_text(raw: str) -> str:
    """The raw text as quarantine keeps it: a NUL, which PostgreSQL cannot store in text, shown
    as U+2400 (the symbol for NUL), and a lone surrogate (an API body's `\\ud800` escape), which
    no database stores as text, as U+FFFD, as undecodable bytes are shown; the record's fields
    keep both exactly (as JSON escapes)."""
    if "\x00" in raw:
        raw = raw.replace("\x00", "\u2400")
    return _LONE_SURROGATE.sub("\ufffd", raw)


@dataclass(frozen=True, slots=True)
class _Batch:
    rows: list[CrossingRow]
    held: list[HeldRecord]
    lines: tuple[int, int]


_collector_lock = threading.Lock()
_collector_pausers = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector from running while records stream through.

    Every row is a fresh tuple the collector would track and walk (a large share of a bulk
    load's time) though none of them can form a cycle: reference counting frees them all. The
    collector runs again, as it was, when the last file ingest in the process ends.
    """
    global _collector_pausers, _collector_was_enabled
    with _collector_lock:
        if _collector_pausers == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _collector_pausers += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_pausers -= 1
            if _collector_pausers == 0 and _collector_was_enabled:
                gc.enable()


def ingest_records(
    registry: Registry,
    records: Iterable[RawRecord | PlainLine],
    principal: Principal,
    source: str,
    *,
    node_authority: str,
    batch_size: int = INGEST_BATCH_SIZE,
    keep_held: bool = False,
    on_record: Callable[[], None] | None = None,
    shortcut: bool = True,
    overlap: bool | None = None,
) -> IngestSummary:
    """Validate and store `records`; bad ones are quarantined with every problem.

    With `shortcut`, plainly valid records take `quick_row`, which accepts only what the full
    model accepts and builds the same row; every other record is validated by the full model.
    `overlap` writes each batch in a second thread while the next is validated (default: on
    PostgreSQL only).
    """
    authorize(principal, Permission.CROSSINGS_WRITE)
    summary = IngestSummary(source=source)
    batcher = _Batcher(registry, principal, summary, overlap)
    try:
        for record in records:
            summary.read += 1
            if type(record) is tuple:
                number, _text, values = record
                row = quick_values(values, node_authority, source) if shortcut else None
                if row is not None:
                    batcher.add_row(number, row)
                else:
                    full = as_record(record)
                    batcher.add(full, check_record(full, node_authority), keep_held)
            else:
                assert isinstance(record, RawRecord)
                row = (
                    quick_row(record.fields, node_authority, source)
                    if shortcut and not record.problems
                    else None
                )
                if row is not None:
                    batcher.add_row(record.line, row)
                else:
                    batcher.add(record, check_record(record, node_authority), keep_held)
            if batcher.size >= batch_size:
                batcher.flush()
            if on_record is not None:
                on_record()
        batcher.flush()
    finally:
        batcher.close()
    return summary


def ingest_file(
    registry: Registry,
    path: Path,
    principal: Principal,
    *,
    node_authority: str,
    batch_size: int = INGEST_BATCH_SIZE,
    on_bytes: ByteProgress | None = None,
    reindex_above_bytes: int = REINDEX_ABOVE_MB << 20,
    shortcut: bool = True,
) -> IngestSummary:
    """Ingest a CSV or JSON-lines crossing file, streamed in bounded memory.

    Files larger than `reindex_above_bytes` load with the secondary indexes dropped and rebuilt
    at the end (the usual bulk-load practice); smaller ones keep them throughout. The cyclic
    collector is paused while the file streams (`collector_paused`); batches sent to the API,
    whose server runs for months, are not paused.
    """
    authorize(principal, Permission.CROSSINGS_WRITE)
    bulk = path.is_file() and path.stat().st_size > reindex_above_bytes
    with registry.deferred_indexes() if bulk else nullcontext(), collector_paused():
        return ingest_records(
            registry,
            read_lines(path, on_bytes),
            principal,
            source=path.name,
            node_authority=node_authority,
            batch_size=batch_size,
            shortcut=shortcut,
        )


def summary_json(summary: IngestSummary) -> str:
    return json.dumps(summary.as_dict(), ensure_ascii=False)
