"""The region's configuration and its manifest: what was written, what is dirty, what it aims at."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rmis.synth.columns import CROSSING_COLUMNS


class RegionConfig(BaseModel):
    """What to generate: `persons` migrant persons over consecutive `years`, from `seed`.

    `non_work_share` adds that many non-work travellers per migrant person (private visits,
    study, tourism, official, transit); `dirty_share` of the records carry problems that must
    be quarantined; `resend_share` of the records are sent again (same event id).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    persons: int = Field(ge=1, le=50_000_000)
    years: tuple[int, ...] = (2022, 2023)
    seed: int = 7
    dirty_share: float = Field(default=0.004, ge=0.0, le=0.5)
    resend_share: float = Field(default=0.0005, ge=0.0, le=0.1)
    non_work_share: float = Field(default=0.2, ge=0.0, le=10.0)

    @field_validator("years")
    @classmethod
    def _consecutive(cls, years: tuple[int, ...]) -> tuple[int, ...]:
        ordered = tuple(sorted(set(years)))
        if not ordered:
            raise ValueError("at least one year is needed")
        if ordered != tuple(range(ordered[0], ordered[-1] + 1)):
            raise ValueError(f"years must be consecutive, got {ordered}")
        if ordered[0] < 1990 or ordered[-1] > 2100:
            raise ValueError("years must lie between 1990 and 2100")
        return ordered


class RecordProblem(BaseModel):
    """One thing wrong with a dirty record: the field, the kind of problem, the value written."""

    field: str
    kind: str
    value: str


class DirtyRecord(BaseModel):
    """A record that a validating ingest must quarantine, with every problem it carries."""

    event_id: str
    problems: list[RecordProblem]


class CalibrationTarget(BaseModel):
    """One origin's departures for work in one year: the national figure and the scaled one."""

    origin: str
    year: int
    national: float = Field(description="persons leaving for work at full scale")
    departures: int = Field(description="round(national x scale): distinct persons written")
    written: int = Field(
        description="distinct persons whose exit for work the origin recorded (before dirt)"
    )
    men: int
    women: int
    destinations: dict[str, int]


class RegionManifest(BaseModel):
    """What `write_region` wrote: counts, dirty and re-sent records, calibration used."""

    seed: int
    years: tuple[int, ...]
    persons: int = Field(description="migrant persons (the configured number)")
    non_work_persons: int
    persons_written: int
    scale: float = Field(description="share of the national figures the region reproduces")
    columns: tuple[str, ...] = CROSSING_COLUMNS
    records: dict[str, int] = Field(description="rows per crossings file, re-sends included")
    dirty: dict[str, list[DirtyRecord]]
    resent: dict[str, list[str]] = Field(description="event ids written a second time")
    variants: dict[str, int] = Field(description="valid records with a name or date variant")
    calibration: list[CalibrationTarget]
    sources: list[str]
    assumptions: list[str]

    @property
    def total_records(self) -> int:
        """Rows in all crossings files."""
        return sum(self.records.values())
