"""Settings of a node or hub: one typed place, read from `RMIS_*` environment variables.

Every field is documented in docs/operator-guide.md (a test checks that the list is complete).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from rmis.errors import ConfigurationError

DEMO_SECRET = "rmis-demo-secret-not-for-production"
# defaults of `RMIS_INGEST_BATCH_SIZE` and `RMIS_REINDEX_ABOVE_MB`, also for ingest called directly
INGEST_BATCH_SIZE = 50_000
REINDEX_ABOVE_MB = 64


class Settings(BaseSettings):
    """What a node needs to run; built once by `get_settings()`, never at import time."""

    model_config = SettingsConfigDict(env_prefix="RMIS_", extra="ignore")

    role: Literal["node", "hub"] = Field("node", description="Run as a national node or the hub.")
    authority: str = Field(
        "TJK", description="ICAO code of the authority whose node this is.", pattern="^[A-Z]{3}$"
    )
    data_dir: Path = Field(Path("var"), description="Directory for the node's embedded files.")
    database_url: str = Field(
        "",
        description="SQLAlchemy URL of the registry; empty means an SQLite file in data_dir.",
    )
    secret_key: str = Field(
        "", description="Key that signs bearer tokens; required unless RMIS_DEMO is set."
    )
    demo: bool = Field(False, description="Demo mode: allows the built-in secret key.")
    token_minutes: int = Field(60, description="Lifetime of a bearer token in minutes.", gt=0)
    ingest_batch_size: int = Field(
        INGEST_BATCH_SIZE, description="Records written per transaction by bulk ingest.", gt=0
    )
    reindex_above_mb: int = Field(
        REINDEX_ABOVE_MB,
        description="Files larger than this load with secondary indexes rebuilt afterwards.",
        ge=0,
    )
    api_host: str = Field("127.0.0.1", description="Address the API listens on.")
    api_port: int = Field(8000, description="Port the API listens on.")
    api_threads: int = Field(
        4,
        description="Worker threads per API process for endpoints that wait on the database.",
        gt=0,
    )

    def token_secret(self) -> str:
        """The key for bearer tokens; refuses the built-in one outside demo mode."""
        if self.secret_key and self.secret_key != DEMO_SECRET:
            return self.secret_key
        if self.demo:
            return DEMO_SECRET
        raise ConfigurationError("set RMIS_SECRET_KEY (or RMIS_DEMO=1 for the built-in demo key)")

    @property
    def registry_url(self) -> str:
        """The registry's SQLAlchemy URL: the configured one or the node's SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / f'{self.authority.lower()}.sqlite'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use."""
    return Settings()
