"""Ingest without loss: counts in equal counts out, idempotent, every problem kept."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from conftest import crossing, write_csv
from rmis.errors import AccessDenied, ValidationFailed
from rmis.ingest import (
    fields_record,
    ingest_file,
    ingest_records,
    read_records,
    retry_quarantined,
)
from rmis.model import Principal, Role, system_principal
from rmis.registry import Registry, count_quarantined, count_rows, list_quarantined
from rmis.registry.tables import crossings

OPERATOR = system_principal("TJK", "ingest")
BAD = {
    3: {"to_country": "XYZ"},
    5: {"at": "2023-02-30T10:00:00+05:00", "surname": ""},
    8: {"direction": "out"},
    9: {"authority": "RUS"},
}


def mixed_file(tmp_path: Path, n: int = 10) -> Path:
    records = [crossing(i, **BAD.get(i, {})) for i in range(1, n + 1)]
    return write_csv(tmp_path / "crossings.csv", records)


def ingest(registry: Registry, path: Path, batch_size: int = 3) -> dict[str, int]:
    s = ingest_file(registry, path, OPERATOR, node_authority="TJK", batch_size=batch_size)
    return {"read": s.read, "stored": s.stored, "duplicate": s.duplicate, "bad": s.quarantined}


def test_n_records_k_bad_store_n_minus_k_and_hold_k(registry: Registry, tmp_path: Path) -> None:
    path = mixed_file(tmp_path)
    assert ingest(registry, path) == {"read": 10, "stored": 6, "duplicate": 0, "bad": 4}
    with registry.reader() as conn:
        assert count_rows(conn)["crossings"] == 6
        assert count_quarantined(conn) == 4
        held = {r.line: r for r in list_quarantined(conn)}
    # the header is line 1, so record i is on line i + 1
    assert sorted(held) == [4, 6, 9, 10]
    assert {p.field for p in held[6].problems} == {"at", "surname"}
    assert {p.field for p in held[10].problems} == {"authority", "from_country"}
    assert any("RUS" in p.message and "node" in p.message for p in held[10].problems)
    assert held[4].raw.startswith("TJK-00000003,TJK,TJK-DYU,exit")
    assert held[4].source == "crossings.csv"


def test_a_second_run_stores_nothing_and_reports_duplicates(
    registry: Registry, tmp_path: Path
) -> None:
    path = mixed_file(tmp_path)
    ingest(registry, path)
    assert ingest(registry, path) == {"read": 10, "stored": 0, "duplicate": 6, "bad": 4}
    with registry.reader() as conn:
        assert count_rows(conn)["crossings"] == 6
        assert count_quarantined(conn) == 4


def test_a_corrected_record_is_stored_once(registry: Registry, tmp_path: Path) -> None:
    ingest(registry, mixed_file(tmp_path))
    with registry.reader() as conn:
        held = {r.line: r for r in list_quarantined(conn)}
    still_bad = retry_quarantined(
        registry, OPERATOR, held[6].id, {"surname": "Karimov"}, node_authority="TJK"
    )
    assert still_bad.status == "held"
    assert [p["field"] for p in still_bad.problems] == ["at"]
    fixed = retry_quarantined(
        registry, OPERATOR, held[6].id, {"at": "2023-02-28T10:00:00+05:00"}, node_authority="TJK"
    )
    assert fixed.status == "stored" and fixed.event_id == "TJK-00000005"
    again = retry_quarantined(registry, OPERATOR, held[6].id, {}, node_authority="TJK")
    assert again.status == "already-resolved"
    with registry.reader() as conn:
        stored = conn.execute(
            select(func.count()).where(crossings.c.event_id == "TJK-00000005")
        ).scalar_one()
        assert stored == 1
        assert count_quarantined(conn) == 4
        assert len(list_quarantined(conn)) == 3


def test_json_lines_are_read_like_csv(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "crossings.jsonl"
    lines = [json.dumps(crossing(i, **BAD.get(i, {})), ensure_ascii=False) for i in range(1, 11)]
    path.write_text("\n".join([*lines, "not json", "[1, 2]"]) + "\n", encoding="utf-8")
    assert ingest(registry, path) == {"read": 12, "stored": 6, "duplicate": 0, "bad": 6}


def test_unreadable_rows_are_quarantined_not_dropped(registry: Registry, tmp_path: Path) -> None:
    path = mixed_file(tmp_path, n=2)
    latin = ",".join(crossing(98, surname="Rahmon", given_name="").values()).encode()
    with path.open("ab") as f:
        f.write(b"TJK-X,TJK,TJK-DYU,exit\n")
        f.write(latin.replace(b"Rahmon", b"Rahm\xf6n") + b"\n")
    summary = ingest(registry, path)
    assert summary == {"read": 4, "stored": 2, "duplicate": 0, "bad": 2}
    with registry.reader() as conn:
        messages = [p.message for r in list_quarantined(conn) for p in r.problems]
    assert "4 columns where the header has 19" in messages
    assert "not valid UTF-8 text" in messages


def test_a_header_without_required_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("event_id,authority\nA,TJK\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="lacks required columns border_post"):
        list(read_records(path))


def test_quoted_fields_spanning_lines_keep_their_line_number(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "q.csv", [crossing(1, surname="Two\nLines"), crossing(2)])
    lines = [r.line for r in read_records(path)]
    assert lines == [2, 4]


def test_an_analyst_cannot_ingest(registry: Registry, tmp_path: Path) -> None:
    analyst = Principal("TJK", "nodira", Role.ANALYST, "")
    with pytest.raises(AccessDenied):
        ingest_file(registry, mixed_file(tmp_path), analyst, node_authority="TJK")


def test_a_large_load_rebuilds_the_indexes_it_dropped(registry: Registry, tmp_path: Path) -> None:
    from sqlalchemy import inspect

    path = mixed_file(tmp_path)
    s = ingest_file(
        registry, path, OPERATOR, node_authority="TJK", batch_size=3, reindex_above_bytes=0
    )
    assert (s.read, s.stored, s.quarantined) == (10, 6, 4)
    names = {i["name"] for i in inspect(registry.engine).get_indexes("crossings")}
    assert {"ix_crossings_person", "ix_crossings_flow", "ix_crossings_trips"} <= names
    documents = {i["name"] for i in inspect(registry.engine).get_indexes("documents")}
    assert "ix_documents_person_key" in documents


def test_indexes_a_killed_load_left_dropped_come_back_on_open(
    registry: Registry, registry_url: str
) -> None:
    from sqlalchemy import inspect

    from rmis.registry import open_registry

    with registry.unit_of_work() as conn:
        conn.exec_driver_sql("DROP INDEX ix_crossings_flow")
    reopened = open_registry(registry_url)
    names = {i["name"] for i in inspect(reopened.engine).get_indexes("crossings")}
    reopened.dispose()
    assert "ix_crossings_flow" in names


@pytest.mark.parametrize("overlap", [False, True])
def test_batches_written_in_line_or_beside_validation_count_the_same(
    registry: Registry, tmp_path: Path, overlap: bool
) -> None:
    path = mixed_file(tmp_path, n=50)
    records = read_records(path)
    s = ingest_records(
        registry,
        records,
        OPERATOR,
        "crossings.csv",
        node_authority="TJK",
        batch_size=4,
        overlap=overlap,
    )
    assert (s.read, s.stored, s.duplicate, s.quarantined) == (50, 46, 0, 4)
    again = ingest_records(
        registry,
        read_records(path),
        OPERATOR,
        "crossings.csv",
        node_authority="TJK",
        batch_size=7,
        overlap=overlap,
    )
    assert (again.stored, again.duplicate, again.quarantined) == (0, 46, 4)
    with registry.reader() as conn:
        assert count_rows(conn)["crossings"] == 46
        assert count_quarantined(conn) == 4


@pytest.mark.parametrize("shortcut", [True, False])
def test_dates_outside_the_plausible_years_are_held_not_a_crash(
    registry: Registry, tmp_path: Path, shortcut: bool
) -> None:
    """Python reads years 1 to 9999, but years 1 and 9999 overflow on the way to UTC."""
    odd = {
        2: {"at": "0001-01-01T00:00+05:00"},
        3: {"at": "9999-12-31T23:00:00-05:00"},
        4: {"at": "1899-12-31T23:59:59+05:00"},
        5: {"birth_date": "0001-01-01"},
        6: {"document_expiry": "9999-12-31"},
        7: {
            "at": "1900-01-01T00:00:00+14:00",
            "birth_date": "1900",
            "document_expiry": "2200-12-31",
        },
    }
    records = [crossing(i, **odd.get(i, {})) for i in range(1, 9)]
    path = write_csv(tmp_path / "crossings.csv", records)
    s = ingest_file(registry, path, OPERATOR, node_authority="TJK", shortcut=shortcut)
    assert (s.read, s.stored, s.quarantined) == (8, 3, 5)
    with registry.reader() as conn:
        held = {r.line - 1: r.problems for r in list_quarantined(conn)}
    assert {n: [p.field for p in problems] for n, problems in held.items()} == {
        2: ["at"],
        3: ["at"],
        4: ["at"],
        5: ["birth_date"],
        6: ["document_expiry"],
    }
    assert "year 1 is outside the plausible years 1900 to 2200" in held[2][0].message


@pytest.mark.parametrize("shortcut", [True, False])
def test_control_characters_are_held_on_both_engines(
    registry: Registry, tmp_path: Path, shortcut: bool
) -> None:
    """PostgreSQL refuses NUL in text: a record holding one is held, never sent to COPY."""
    odd = {
        2: {"surname": "Раҳ\x00монов"},
        3: {"event_id": "TJK-\x0000000003", "document_number": "4000\x0000003"},
        4: {"given_name": "Ҷам\x1fшед", "border_post": "TJK\x7fDYU"},
        5: {"patronymic": "Karimovich\x85x"},
    }
    records = [crossing(i, **odd.get(i, {})) for i in range(1, 7)]
    path = write_csv(tmp_path / "crossings.csv", records)
    s = ingest_file(registry, path, OPERATOR, node_authority="TJK", shortcut=shortcut)
    assert (s.read, s.stored, s.quarantined) == (6, 2, 4)
    lines = [
        json.dumps({**crossing(7), "surname": "A\u0000li"}),  # an escape in JSON
        json.dumps(crossing(8)).replace(", ", ",\x00 ", 1),  # a raw NUL: not JSON
        json.dumps(crossing(9)),
    ]
    jsonl = tmp_path / "crossings.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = ingest_file(registry, jsonl, OPERATOR, node_authority="TJK", shortcut=shortcut)
    assert (s.read, s.stored, s.quarantined) == (3, 1, 2)
    with registry.reader() as conn:
        held = {(r.source, r.line): r for r in list_quarantined(conn)}
    fields = {key: sorted({p.field for p in r.problems}) for key, r in held.items()}
    assert "record" in fields.pop(("crossings.jsonl", 2))  # not JSON, so every field missing
    assert "\u2400" in held["crossings.jsonl", 2].raw
    assert fields == {
        ("crossings.csv", 3): ["surname"],
        ("crossings.csv", 4): ["document_number", "event_id"],
        ("crossings.csv", 5): ["border_post", "given_name"],
        ("crossings.csv", 6): ["patronymic"],
        ("crossings.jsonl", 1): ["surname"],
    }
    surname = held["crossings.csv", 3]
    assert "control character U+0000" in surname.problems[0].message
    # the fields keep the NUL exactly (ready to correct and retry); the raw text shows it as ␀
    assert surname.fields["surname"] == "Раҳ\x00монов"
    assert "Раҳ\u2400монов" in surname.raw
    retried = retry_quarantined(
        registry, OPERATOR, surname.id, {"surname": "Раҳмонов"}, node_authority="TJK"
    )
    assert retried.status == "stored"


def test_a_large_load_refreshes_the_statistics_and_a_small_one_leaves_them(
    registry: Registry, tmp_path: Path
) -> None:
    """Above the reindex threshold: VACUUM (ANALYZE) on PostgreSQL, ANALYZE on SQLite."""
    small = mixed_file(tmp_path)
    ingest_file(registry, small, OPERATOR, node_authority="TJK", reindex_above_bytes=1 << 30)
    assert statistics_refreshed(registry) == (False, False)
    large = write_csv(tmp_path / "large.csv", [crossing(i) for i in range(11, 40)])
    s = ingest_file(registry, large, OPERATOR, node_authority="TJK", reindex_above_bytes=0)
    assert s.stored == 29
    assert statistics_refreshed(registry) == (True, True)


def statistics_refreshed(registry: Registry) -> tuple[bool, bool]:
    """(crossings vacuumed, crossings analysed) by a command, not by autovacuum."""
    with registry.reader() as conn:
        if registry.dialect == "postgresql":
            vacuumed, analysed = conn.exec_driver_sql(
                "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables "
                "WHERE relname = 'crossings' AND schemaname = current_schema()"
            ).one()
            return vacuumed is not None, analysed is not None
        analysed = (
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).scalar_one()
            and conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'crossings'"
            ).scalar_one()
        )
        return bool(analysed), bool(analysed)  # SQLite has no vacuum to speak of here


@pytest.mark.parametrize("shortcut", [True, False])
def test_a_number_too_long_in_capitals_is_held_not_a_crash(
    registry: Registry, tmp_path: Path, shortcut: bool
) -> None:
    """`ß` * 20 is 20 characters, but 40 in the person key: PostgreSQL refused the batch."""
    records = [crossing(1, document_number="ß" * 20), crossing(2)]
    path = write_csv(tmp_path / "crossings.csv", records)
    s = ingest_file(registry, path, OPERATOR, node_authority="TJK", shortcut=shortcut)
    assert (s.read, s.stored, s.quarantined) == (2, 1, 1)
    with registry.reader() as conn:
        (held,) = list_quarantined(conn)
    assert [p.field for p in held.problems] == ["document_number"]


def test_lone_surrogates_from_json_escapes_are_held_not_a_crash(
    registry: Registry, tmp_path: Path
) -> None:
    """`"\\ud800"` in JSON decodes to text no database stores: held, and kept exactly."""
    odd = {**crossing(1), "surname": "A\ud800li"}
    jsonl = tmp_path / "crossings.jsonl"
    jsonl.write_text(json.dumps(odd) + "\n" + json.dumps(crossing(2)) + "\n", encoding="utf-8")
    s = ingest_file(registry, jsonl, OPERATOR, node_authority="TJK")
    assert (s.read, s.stored, s.quarantined) == (2, 1, 1)
    # an API body: its raw text is the object written back as JSON, surrogate and all
    body = [{**crossing(3), "authority": "T\ud800J"}, {**crossing(4), "surname": "\udcff"}]
    records = (
        fields_record(i, json.dumps(item, ensure_ascii=False), item)
        for i, item in enumerate(body, 1)
    )
    s = ingest_records(registry, records, OPERATOR, "api:test", node_authority="TJK")
    assert (s.read, s.stored, s.quarantined) == (2, 0, 2)
    with registry.reader() as conn:
        held = {(r.source, r.line): r for r in list_quarantined(conn)}
    assert sorted(held) == [("api:test", 1), ("api:test", 2), ("crossings.jsonl", 1)]
    first = held["crossings.jsonl", 1]
    assert [p.field for p in first.problems] == ["surname"]
    assert first.fields["surname"] == "A\ud800li"
    assert "\ufffd" in held["api:test", 2].raw
    assert {p.field for p in held["api:test", 1].problems} == {"authority"}
    still = retry_quarantined(
        registry, OPERATOR, first.id, {"given_name": "x"}, node_authority="TJK"
    )
    assert still.status == "held"
    fixed = retry_quarantined(
        registry, OPERATOR, first.id, {"surname": "Ali"}, node_authority="TJK"
    )
    assert fixed.status == "stored"


# any character, lone surrogates included (JSON's \\ud800 escapes decode to them)
ANY_TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=()),
        st.sampled_from(["\x00", "\x1f", "\x85", "\ud800", "\udcff", "ß", "\ufb03"]),
    ),
    max_size=40,
)


@st.composite
def odd_batches(draw: st.DrawFn) -> list[dict[str, str]]:
    """Batches of records whose fields hold any text at all (NUL, controls, surrogates, ...)."""
    batch = []
    for n in range(draw(st.integers(1, 8))):
        record = crossing(draw(st.integers(1, 50)))
        for name in draw(st.sets(st.sampled_from(sorted(record)), max_size=3)):
            record[name] = draw(ANY_TEXT)
        if draw(st.booleans()):
            record[draw(st.text(max_size=5))] = draw(st.text(max_size=5))
        batch.append(record)
        del n
    return batch


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=odd_batches())
def test_no_record_crashes_ingest(registry: Registry, batch: list[dict[str, str]]) -> None:
    """Whatever the text, ingest accounts for every record: stored, duplicate or held."""
    records = (
        fields_record(i, json.dumps(item, ensure_ascii=False), item)
        for i, item in enumerate(batch, 1)
    )
    s = ingest_records(registry, records, OPERATOR, "api:test", node_authority="TJK")
    assert s.read == len(batch) == s.stored + s.duplicate + s.quarantined


def test_the_collector_is_paused_while_a_file_streams_and_runs_again_after(
    registry: Registry, tmp_path: Path
) -> None:
    seen: list[bool] = []
    path = mixed_file(tmp_path)
    assert gc.isenabled()
    ingest_file(
        registry,
        path,
        OPERATOR,
        node_authority="TJK",
        on_bytes=lambda _n: seen.append(gc.isenabled()),
    )
    assert seen and not any(seen)
    assert gc.isenabled()
    # records posted one batch at a time (the API's way) leave it running
    raw = (fields_record(i, json.dumps(c), c) for i, c in enumerate([crossing(99)], 1))
    ingest_records(
        registry,
        raw,
        OPERATOR,
        "api",
        node_authority="TJK",
        on_record=lambda: seen.append(gc.isenabled()),
    )
    assert seen[-1] is True
