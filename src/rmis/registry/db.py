"""The registry's engine, migrations and unit of work.

Repository functions take a `Connection` and never commit: the unit of work that opened the
connection owns commit and rollback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from rmis.errors import StorageError
from rmis.registry.tables import DEFERRABLE_INDEXES

MIGRATIONS = "rmis.registry:migrations"
# the tables a crossing load fills, and the rows per index SQLite's ANALYZE samples after one
_LOADED_TABLES = ("crossings", "persons", "documents")
_SQLITE_ANALYSIS_LIMIT = 1000


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the API read while ingest writes; NORMAL sync is durable at each commit in WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # a checkpoint (copying the WAL into the database, with its fsyncs) every 64 MB, not every
    # 4 MB: bulk loads write each rewritten page back once per checkpoint
    cursor.execute("PRAGMA wal_autocheckpoint=16384")
    cursor.execute("PRAGMA busy_timeout=30000")
    # temp_store stays on files: rebuilding an index after a large load sorts millions of keys
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def create_registry_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their directory created and WAL mode."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        # pooled connections keep SQLite's page cache warm from one batch to the next
        engine = create_engine(url)
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Registry:
    """A node's registry database: where crossings, quarantine, users and audit live."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_registry_engine(url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migrations of every branch (idempotent)."""
        config = Config()
        config.set_main_option("script_location", MIGRATIONS)
        try:
            with self.engine.begin() as conn:
                config.attributes["connection"] = conn
                command.upgrade(config, "heads")
            self.restore_indexes()
        except SQLAlchemyError as e:
            raise StorageError(f"migrating the registry at {self.safe_url} failed: {e}") from e

    def restore_indexes(self) -> None:
        """Build any index a bulk load dropped and did not live to rebuild."""
        with self.engine.begin() as conn:
            for index in DEFERRABLE_INDEXES:
                index.create(conn, checkfirst=True)

    @contextmanager
    def deferred_indexes(self) -> Iterator[None]:
        """Drop the secondary crossing and document indexes for a large load and rebuild them
        afterwards.

        Building an index from sorted rows is far cheaper than inserting each row at a random
        place in it; the unique (authority, event_id) index stays, so loading stays idempotent.
        A load killed midway leaves them dropped: the next `migrate()` builds them again. A load
        that completes refreshes the tables' statistics (`refresh_statistics`).
        """
        with self.engine.begin() as conn:
            for index in DEFERRABLE_INDEXES:
                index.drop(conn, checkfirst=True)
        try:
            yield
        finally:
            self.restore_indexes()
        self.refresh_statistics()

    def refresh_statistics(self) -> None:
        """After a large load, bring the planner's statistics (and PostgreSQL's visibility map)
        up to date at once rather than when autovacuum comes round.

        PostgreSQL: `VACUUM (ANALYZE)` of crossings, persons and documents, on an autocommit
        connection (VACUUM cannot run in a transaction block); vacuum marks the pages
        all-visible, which the overstay list's index-only scan needs. SQLite: `ANALYZE` of the
        same tables, sampling (`analysis_limit`) so that it takes moments at any size.
        """
        try:
            if self.dialect == "postgresql":
                autocommit = self.engine.execution_options(isolation_level="AUTOCOMMIT")
                with autocommit.connect() as conn:
                    conn.exec_driver_sql(f"VACUUM (ANALYZE) {', '.join(_LOADED_TABLES)}")
            else:
                with self.engine.begin() as conn:
                    conn.exec_driver_sql(f"PRAGMA analysis_limit={_SQLITE_ANALYSIS_LIMIT}")
                    for table in _LOADED_TABLES:
                        conn.exec_driver_sql(f"ANALYZE {table}")
        except SQLAlchemyError as e:
            raise StorageError(f"refreshing statistics at {self.safe_url} failed: {e}") from e

    @contextmanager
    def unit_of_work(self) -> Iterator[Connection]:
        """A connection in one transaction: committed on success, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        """A connection for reads only."""
        with self.engine.connect() as conn:
            yield conn

    @property
    def safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_registry(url: str, migrate: bool = True) -> Registry:
    """The registry at `url`, migrated to the newest schema unless told not to."""
    registry = Registry(url)
    if migrate:
        registry.migrate()
    return registry
