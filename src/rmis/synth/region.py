"""The synthetic region: persons one at a time, their trips, and the records each state keeps.

Memory stays bounded whatever the size: a person and their trips are made, their records
written, and nothing of them is kept but counts (and the event ids of dirty and re-sent
records for the manifest). Files are in the order persons were made (a person's records
together, in time order), not sorted by time across persons; event ids count up per file.

About 9.4 records per migrant person for two years (see `estimate_records`).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from rmis.synth.calibration import ASSUMPTIONS, ORIGINS, SOURCES, plan_work
from rmis.synth.columns import CROSSING_COLUMNS, PERSON_COLUMNS, TRUTH_COLUMNS
from rmis.synth.dirt import Problem, spoil_record
from rmis.synth.geography import AUTHORITIES
from rmis.synth.identity import PassportOffice, Period, Person, create_person, script_for
from rmis.synth.itinerary import plan_non_work_trips, plan_work_trips
from rmis.synth.manifest import (
    CalibrationTarget,
    DirtyRecord,
    RecordProblem,
    RegionConfig,
    RegionManifest,
)
from rmis.synth.population import TravellerSpec, WorkerSpec, choose_age, person_specs
from rmis.synth.travel import (
    RESIDENCE_PERMIT,
    Calendar,
    Crossing,
    Trip,
    trip_crossings,
)
from rmis.synth.variation import ANY_VARIANT, vary_record

RECENT_RECORDS = 64  # a re-send repeats one of the file's last records
PROGRESS_EVERY = 10_000
# Measured: records per departure for work, and per non-work traveller (and year).
RECORDS_PER_WORK_DEPARTURE = 5.2
RECORDS_PER_TRAVELLER = 1.7
RECORDS_PER_TRAVELLER_YEAR = 3.0


class RowWriter(Protocol):
    """What `csv.writer` returns, as far as this module uses it."""

    def writerow(self, row: Iterable[str], /) -> object: ...


PersonRow = tuple[str, str, str, str, str, str, str]
Record = tuple[str, list[str], bool]  # authority, row, re-sent?

_CLOCK = tuple(f"T{m // 60:02d}:{m % 60:02d}:00" for m in range(1440))
_ZONES = {
    m: f"{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}" for m in range(-720, 841, 15)
}
# The script of each (recording state, nationality); KAZ writes foreigners in two.
_SCRIPTS = {
    (a, n): script_for(a, n, 0.0)
    for a in AUTHORITIES
    for n in ORIGINS
    if not (a == "KAZ" and n != "KAZ")
}


@dataclass(slots=True)
class Ledger:
    """What the run wrote, for the manifest."""

    dirty: dict[str, list[tuple[str, list[Problem]]]] = field(
        default_factory=lambda: {a: [] for a in AUTHORITIES}
    )
    resent: dict[str, list[str]] = field(default_factory=lambda: {a: [] for a in AUTHORITIES})
    variants: dict[str, int] = field(default_factory=dict)
    departures: dict[tuple[str, int], int] = field(default_factory=dict)
    persons: int = 0
    non_work_persons: int = 0


class RegionRun:
    """One generation run: the random streams, the calendar, the counters."""

    def __init__(self, config: RegionConfig, ledger: Ledger) -> None:
        self.config = config
        self.ledger = ledger
        self.plan = plan_work(config.persons, config.years)
        self.calendar = Calendar(config.years)
        self.period = Period(self.calendar.first, self.calendar.last)
        self.rng = random.Random(config.seed)
        self.noise = random.Random(f"records-{config.seed}")
        self.office = PassportOffice(config.seed)
        self.counters = dict.fromkeys(AUTHORITIES, 0)
        self.recent: dict[str, deque[list[str]]] = {
            a: deque(maxlen=RECENT_RECORDS) for a in AUTHORITIES
        }
        self.dates: dict[int, str] = {}
        self.year_of: dict[int, int] = {}
        self.non_work = round(config.persons * config.non_work_share)

    def people(self) -> Iterator[tuple[PersonRow, list[Record]]]:
        """Each person's canonical row and the records of all their crossings."""
        for n, spec in enumerate(person_specs(self.plan, self.non_work, self.rng), start=1):
            person, trips = self._make(f"P{n:09d}", spec)
            crossings: list[Crossing] = []
            for trip in trips:
                trip_crossings(trip, self.rng, crossings)
            self._count_departures(person, crossings)
            yield person.canonical_row(), self._records(person, crossings)

    def _make(self, person_id: str, spec: WorkerSpec | TravellerSpec) -> tuple[Person, list[Trip]]:
        nationality = spec.origin if isinstance(spec, WorkerSpec) else spec.nationality
        age = choose_age(spec, self.rng)
        person = create_person(
            person_id, nationality, spec.sex, age, self.period, self.office, self.rng
        )
        if isinstance(spec, WorkerSpec):
            self.ledger.persons += 1
            person.resident = self.rng.random() < RESIDENCE_PERMIT
            trips = plan_work_trips(person, spec.works, spec.destinations, self.calendar, self.rng)
        else:
            self.ledger.non_work_persons += 1
            trips = plan_non_work_trips(person, spec.purpose, self.calendar, self.rng)
        return person, trips

    def _count_departures(self, person: Person, crossings: list[Crossing]) -> None:
        years = {
            self._year(c[3])
            for c in crossings
            if c[8] == "work" and c[2] == "exit" and c[0] == person.nationality
        }
        for year in years:
            key = (person.nationality, year)
            self.ledger.departures[key] = self.ledger.departures.get(key, 0) + 1

    def _year(self, ordinal: int) -> int:
        year = self.year_of.get(ordinal)
        if year is None:
            year = self.year_of[ordinal] = dt.date.fromordinal(ordinal).year
        return year

    def _date(self, ordinal: int) -> str:
        text = self.dates.get(ordinal)
        if text is None:
            text = self.dates[ordinal] = dt.date.fromordinal(ordinal).isoformat()
        return text

    def _records(self, person: Person, crossings: list[Crossing]) -> list[Record]:
        """The rows of a person's crossings, some varied, some spoiled, some sent twice."""
        out: list[Record] = []
        noise, ledger = self.noise.random, self.ledger
        dirty, resend = self.config.dirty_share, self.config.dirty_share + self.config.resend_share
        for crossing in crossings:
            row = self._row(person, crossing)
            authority = row[1]
            u = noise()
            if u < dirty:
                ledger.dirty[authority].append((row[0], spoil_record(row, self.noise)))
            out.append((authority, row, False))
            recent = self.recent[authority]
            if dirty <= u < resend and recent:
                again = recent[int(noise() * len(recent))]
                out.append((authority, again, True))
                ledger.resent[authority].append(again[0])
            recent.append(row)
        return out

    def _row(self, person: Person, crossing: Crossing) -> list[str]:
        """A crossing as the recording authority writes it (names in its script)."""
        authority, post, direction, day, minute, offset, origin, to, purpose, grounds = crossing
        index = person.passport_on(day)
        passport = person.passports[index]
        script = _SCRIPTS.get((authority, person.nationality))
        if script is None:
            script = script_for(authority, person.nationality, self.rng.random())
        surname, given, patronymic = person.written_name(script, index)
        number = self.counters[authority] = self.counters[authority] + 1
        date = self.dates.get(day) or self._date(day)
        nationality = person.nationality
        row = [
            f"{authority}-{number:010d}",
            authority,
            post,
            direction,
            date + _CLOCK[minute] + _ZONES[offset],
            origin,
            to,
            surname,
            given,
            patronymic,
            person.sex,
            person.birth_date,
            nationality,
            "P",
            passport.number,
            nationality,
            passport.expiry,
            purpose,
            grounds,
        ]
        u = self.rng.random()
        if u < ANY_VARIANT:
            kind = vary_record(row, u, self.rng)
            if kind:
                self.ledger.variants[kind] = self.ledger.variants.get(kind, 0) + 1
        return row


def iter_region(config: RegionConfig) -> Iterator[tuple[str, dict[str, str]]]:
    """Every record of the region as (recording authority, record), in file order."""
    for _, records in RegionRun(config, Ledger()).people():
        for authority, row, _ in records:
            yield authority, dict(zip(CROSSING_COLUMNS, row, strict=True))


def write_region(
    out_dir: Path,
    config: RegionConfig,
    progress: Callable[[int], None] | None = None,
) -> RegionManifest:
    """Write crossings/{AUTHORITY}.csv, truth.csv, persons.csv and manifest.json.

    `progress` is called with the number of records written since its previous call.
    """
    out_dir = Path(out_dir)
    (out_dir / "crossings").mkdir(parents=True, exist_ok=True)
    ledger = Ledger()
    run = RegionRun(config, ledger)
    with ExitStack() as stack:

        def open_lines(path: Path, header: tuple[str, ...]) -> LineSink:
            handle = stack.enter_context(path.open("w", encoding="utf-8", newline=""))
            return stack.enter_context(LineSink(handle, header))

        files = {
            a: open_lines(out_dir / "crossings" / f"{a}.csv", CROSSING_COLUMNS) for a in AUTHORITIES
        }
        truth = open_lines(out_dir / "truth.csv", TRUTH_COLUMNS)
        handle = stack.enter_context(
            (out_dir / "persons.csv").open("w", encoding="utf-8", newline="")
        )
        persons = csv.writer(handle, lineterminator="\n")
        persons.writerow(PERSON_COLUMNS)
        _write_people(run, files, truth, persons, progress)
    manifest = build_manifest(config, run, ledger)
    text = manifest.model_dump_json(indent=2)
    (out_dir / "manifest.json").write_text(text + "\n", encoding="utf-8")
    return manifest


class LineSink:
    """A CSV file written a block of lines at a time.

    No value the generator writes holds a comma, a quote or a line break (the corpus refuses
    them and every other value is a code, a date or a number), so a row is its values joined by
    commas: the file is what `csv.writer` would write, at a third of the cost.
    """

    BLOCK = 4096

    def __init__(self, handle: TextIO, header: tuple[str, ...]) -> None:
        self.handle = handle
        self.lines: list[str] = [",".join(header)]

    def add(self, row: Sequence[str]) -> None:
        """Queue one row."""
        self.lines.append(",".join(row))
        if len(self.lines) >= self.BLOCK:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows."""
        if self.lines:
            self.handle.write("\n".join(self.lines) + "\n")
            self.lines = []

    def __enter__(self) -> LineSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()


def _write_people(
    run: RegionRun,
    files: dict[str, LineSink],
    truth: LineSink,
    persons: RowWriter,
    progress: Callable[[int], None] | None,
) -> None:
    pending = 0
    for person_row, records in run.people():
        persons.writerow(person_row)
        person_id = person_row[0]
        for authority, row, resent in records:
            files[authority].add(row)
            if not resent:
                truth.add((authority, row[0], person_id))
        pending += len(records)
        if progress is not None and pending >= PROGRESS_EVERY:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)


def build_manifest(config: RegionConfig, run: RegionRun, ledger: Ledger) -> RegionManifest:
    """The manifest of a finished run."""
    plan = run.plan
    calibration = []
    for (origin, year), departures in plan.departures.items():
        i = plan.years.index(year)
        sexes = {s.sex: s.departures[i] for s in plan.strata if s.origin == origin}
        calibration.append(
            CalibrationTarget(
                origin=origin,
                year=year,
                national=plan.targets[(origin, year)],
                departures=departures,
                written=ledger.departures.get((origin, year), 0),
                men=sexes.get("M", 0),
                women=sexes.get("F", 0),
                destinations=plan.destination_quotas[(origin, year)],
            )
        )
    return RegionManifest(
        seed=config.seed,
        years=config.years,
        persons=config.persons,
        non_work_persons=ledger.non_work_persons,
        persons_written=ledger.persons + ledger.non_work_persons,
        scale=plan.scale,
        records={a: run.counters[a] + len(ledger.resent[a]) for a in AUTHORITIES},
        dirty={a: [_dirty(e, p) for e, p in rows] for a, rows in ledger.dirty.items()},
        resent=ledger.resent,
        variants=dict(sorted(ledger.variants.items())),
        calibration=calibration,
        sources=list(SOURCES),
        assumptions=list(ASSUMPTIONS),
    )


def _dirty(event_id: str, problems: list[Problem]) -> DirtyRecord:
    return DirtyRecord(
        event_id=event_id,
        problems=[RecordProblem(field=f, kind=k, value=v) for f, k, v in problems],
    )


def estimate_records(
    persons: int, years: tuple[int, ...] = (2022, 2023), non_work_share: float = 0.2
) -> int:
    """Roughly how many records `write_region` writes (within a few per cent).

    Measured: a departure for work brings about 5 records (its exit and entry, the way back,
    trips begun before the period, private visits in years without work), a non-work
    traveller 1.7 + 3 a year. With the defaults that is about 9.4 records per migrant person
    over two years: 10 million records take about 1.06 million persons.
    """
    config = RegionConfig(persons=persons, years=years, non_work_share=non_work_share)
    count = len(config.years)
    departures = sum(plan_work(config.persons, config.years).departures.values())
    travellers = round(persons * non_work_share)
    work = departures * (RECORDS_PER_WORK_DEPARTURE - 0.5 / count)
    return round(work + travellers * (RECORDS_PER_TRAVELLER + RECORDS_PER_TRAVELLER_YEAR * count))
