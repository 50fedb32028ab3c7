"""Group commit of border checks on PostgreSQL: many checks, one transaction, one flush.

Every check appends to the one audit chain, whose head row is locked until the appending
transaction's commit is on disk: one check at a time, however many cores. A check's thread
hands its stored check and audit entry to the registry's writer thread and waits; the writer
writes whatever has queued meanwhile (each check's row with its own audit entry) in one
transaction and answers every waiting check once it is committed. Nothing is answered before
it is stored and audited; a batch that fails is retried check by check, so one bad row
fails only its own check.
"""

from __future__ import annotations

import logging
import queue
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine

from rmis.border.facts import (
    ConnectionLost,
    StoredCheck,
    autocommitted,
    check_engine,
    write_check,
)
from rmis.errors import StorageError
from rmis.model import AuditEntry
from rmis.registry import Registry
from rmis.registry.audit import AUDIT_APPEND_SQL, audit_append_params, audit_head_exists
from rmis.registry.border_tables import border_checks

log = logging.getLogger("rmis.border")
MAX_BATCH = 128
"""Checks written in one transaction at most."""
IDLE_SECONDS = 2.0
"""A writer thread with nothing to write for this long ends (a new one starts on demand)."""


Settle = Callable[[BaseException | None], None]
"""Called once a check is committed (with None) or has failed (with the error)."""


@dataclass(slots=True)
class _Pending:
    check: StoredCheck
    entry: AuditEntry
    settle: Settle


class CheckWriter:
    """Writes stored checks and their audit entries for one registry, many per commit."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._queue: queue.SimpleQueue[_Pending] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def write(self, check: StoredCheck, entry: AuditEntry) -> None:
        """Store `check` with `entry`; returns once both are committed (raises if not)."""
        done = threading.Event()
        failure: list[BaseException] = []

        def settle(error: BaseException | None) -> None:
            failure.extend([error] if error is not None else [])
            done.set()

        self.submit(check, entry, settle)
        done.wait()
        if failure:
            raise failure[0]

    def submit(self, check: StoredCheck, entry: AuditEntry, settle: Settle) -> None:
        """Queue `check` with `entry`; `settle` is called from the writer thread when done."""
        self._queue.put(_Pending(check, entry, settle))
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="rmis-check-writer", daemon=True
                )
                self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                first = self._queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            batch = [first]
            while len(batch) < MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._write_batch(batch)

    def _write_batch(self, batch: list[_Pending]) -> None:
        try:
            try:
                self._write(batch)
            except ConnectionLost:  # a pooled connection the server dropped: a fresh one
                self._write(batch)
        except Exception as e:
            if len(batch) == 1:
                _settle(batch[0], e)
            else:
                for pending in batch:
                    self._write_batch([pending])
            return
        for pending in batch:
            _settle(pending, None)

    def _write(self, batch: list[_Pending]) -> None:
        with self.engine.begin() as conn:
            if audit_head_exists(conn):
                _write_pipelined(conn, batch)
                return
            for pending in batch:  # the chain's first entries: its head row is written too
                write_check(conn, pending.check, pending.entry)


def _write_pipelined(conn: Connection, batch: list[_Pending]) -> None:
    """Each check's row and audit entry in one statement; a lone check in one round trip
    (the statement its own transaction), several in one pipeline and one transaction."""
    driver = conn.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    rows = [_stored_params(pending) for pending in batch]
    try:
        if len(rows) == 1:  # committed by the caller's transaction if one is open already
            with autocommitted(driver):
                driver.execute(STORE_CHECK_SQL, rows[0])
            return
        with driver.pipeline():
            driver.cursor().executemany(STORE_CHECK_SQL, rows)
            driver.commit()
    except psycopg.Error as e:
        if isinstance(e, psycopg.OperationalError) and driver.broken:
            conn.invalidate(e)
            conn.engine.dispose()  # its other pooled connections are likely broken too
            raise ConnectionLost(str(e)) from e
        ids = ", ".join(pending.check.check_id for pending in batch[:3])
        raise StorageError(f"storing border checks ({ids}, ...) failed: {e}") from e


def _store_check_sql() -> str:
    """The check's insert as a data-modifying step before the one-statement audit append."""
    names = [column.name for column in border_checks.columns]
    columns = ", ".join(f'"{name}"' for name in names)
    values = ", ".join(f"%(check_{name})s" for name in names)
    append = AUDIT_APPEND_SQL.strip()
    assert append.startswith("WITH ")
    return (
        f"WITH stored_check AS (INSERT INTO border_checks ({columns}) VALUES ({values})),\n"
        + append.removeprefix("WITH ")
    )


STORE_CHECK_SQL = _store_check_sql()
"""A stored check's row and its audit entry in one statement (`_stored_params`)."""


def _stored_params(pending: _Pending) -> dict[str, Any]:
    params = audit_append_params(pending.entry)
    params.update({f"check_{name}": value for name, value in pending.check.values().items()})
    return params


def _settle(pending: _Pending, error: BaseException | None) -> None:
    try:
        pending.settle(error)
    except Exception:  # a waiter that went away must not stop the writer
        log.exception("settling border check %s failed", pending.check.check_id)


_WRITERS: weakref.WeakKeyDictionary[Registry, CheckWriter] = weakref.WeakKeyDictionary()
_WRITERS_LOCK = threading.Lock()


def check_writer(registry: Registry) -> CheckWriter:
    """The registry's writer (one per registry and process), on the checks' own pool."""
    with _WRITERS_LOCK:
        writer = _WRITERS.get(registry)
        if writer is None:
            writer = _WRITERS[registry] = CheckWriter(check_engine(registry))
        return writer
