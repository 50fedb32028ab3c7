"""Splink runs RMIS's linkage model: training, scoring pairs, matching new records.

An adapter: it does its work in DuckDB (the default, in memory) or Spark (local or a cluster),
through Splink. It takes identity frames (one row per distinct identity, with the columns
`rmis.linkage.columns` derives) and returns pairs with their match probability and the
comparison levels the link classes read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final

import pandas as pd
from splink import Linker

from rmis.errors import RmisError
from rmis.linkage.comparisons import (
    UNIQUE_ID,
    deterministic_rules,
    rmis_settings,
    settings_dict,
    training_rules,
)
from rmis.linkage.parameters import (
    Patterns,
    fill_unseen_levels,
    rows_for_pairs,
    set_u,
    u_without_matches,
)

# Gamma columns the link classes read (Splink numbers levels from the top; ELSE is 0).
PAIR_COLUMNS: Final = (
    f"{UNIQUE_ID}_l", f"{UNIQUE_ID}_r", "match_probability", "gamma_document",
    "gamma_birth_date", "gamma_sex", "gamma_given",
)  # fmt: skip
DOCUMENT_AGREES: Final = 3  # exact or through OCR confusions
# u from 250,000 random pairs: synth's F1 as with 500,000; FEBRL4 misses 4 pairs (3 with
# 500,000, 5 with 150,000), and sampling is the dearest step of training
DEFAULT_U_PAIRS: Final = 2.5e5
ARRAY_COLUMNS: Final = frozenset({"address_tokens"})
SEED: Final = 7
# Training reads at most this many identities, drawn at random: the share of matches, u and m
# are the same on a random part of the registry, and EM on the whole of a million records
# would hold tens of millions of pairs.
TRAINING_IDENTITIES: Final = 200_000

Backend = Callable[[], Any]


class LinkageFailed(RmisError):
    """Splink or its engine could not do the work asked."""

    status = 500


def duckdb_backend(memory_limit: str = "", threads: int = 0) -> Backend:
    """Splink's DuckDB backend on a private in-memory database."""

    def open_api() -> Any:
        import duckdb
        from splink import DuckDBAPI

        con = duckdb.connect()
        if memory_limit:
            con.execute(f"SET memory_limit = '{memory_limit}'")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        con.execute("SET preserve_insertion_order = false")
        return DuckDBAPI(connection=con)

    return open_api


def spark_backend(session: Any) -> Backend:
    """Splink's Spark backend on the given SparkSession (local mode or a cluster)."""

    def open_api() -> Any:
        from splink import SparkAPI

        return SparkAPI(spark_session=session, num_partitions_on_repartition=4)  # type: ignore[no-untyped-call]

    return open_api


def quiet_splink() -> None:
    """Splink logs every step at INFO; RMIS shows its own progress instead."""
    logging.getLogger("splink").setLevel(logging.ERROR)


def train_model(
    frame: pd.DataFrame,
    backend: Backend,
    u_pairs: float = DEFAULT_U_PAIRS,
    most_identities: int = TRAINING_IDENTITIES,
) -> dict[str, Any]:
    """Train the model on identities (a random `most_identities` of them at most): u
    from random pairs, the share of matches from deterministic rules, m by expectation
    maximisation in two blocked sessions, then u again from the same random pairs with the
    ones the model finds to be matches taken out (`rmis.linkage.parameters`). Returns the
    trained model as Splink's JSON-able dict.
    """
    quiet_splink()
    if len(frame) > most_identities:
        frame = frame.sample(n=most_identities, random_state=SEED)
    try:
        # Splink caches tables by name in its API object: the sample gets an API of its own.
        patterns = random_pair_patterns(frame, backend(), u_pairs)
        api = backend()
        settings = set_u(settings_dict(rmis_settings(), _dialect(api)), patterns)
        linker = Linker(_as_input(frame, api), settings, db_api=api, set_up_basic_logging=False)
        training = linker.training
        training.estimate_probability_two_random_records_match(deterministic_rules(), recall=0.8)
        for rule in training_rules():
            training.estimate_parameters_using_expectation_maximisation(
                rule, estimate_without_term_frequencies=True
            )
        model: dict[str, Any] = linker.misc.save_model_to_json()
        model = fill_unseen_levels(u_without_matches(model, patterns))
        # Scoring follows in an engine of its own: this one's tables go now.
        linker.table_management.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]
    except RmisError:
        raise
    except Exception as e:
        raise LinkageFailed(f"training the linkage model failed: {e}") from e
    return model


def random_pair_patterns(frame: pd.DataFrame, api: Any, pairs: float) -> Patterns:
    """The comparison levels of about `pairs` random pairs of identities (every pair among
    a random sample of them, as Splink samples for u), as distinct patterns with counts.
    """
    rows = rows_for_pairs(pairs)
    sample = frame if rows >= len(frame) else frame.sample(n=rows, random_state=SEED)
    dialect = _dialect(api)
    settings = settings_dict(rmis_settings(), dialect)
    settings["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": "1=1", "sql_dialect": dialect}
    ]
    settings["retain_matching_columns"] = True  # Splink keeps the levels only with them
    linker = Linker(_as_input(sample, api), settings, db_api=api, set_up_basic_logging=False)
    scored = linker.inference.predict()
    gammas = ", ".join(f"gamma_{c['output_column_name']}" for c in settings["comparisons"])
    sql = f"SELECT {gammas}, count(*) AS pairs FROM {scored.physical_name} GROUP BY {gammas}"
    counts: pd.DataFrame = linker.misc.query_sql(sql, output_type="pandas")  # type: ignore[no-untyped-call]
    linker.table_management.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]
    return [
        (tuple(int(g) for g in row[:-1]), int(row[-1]))
        for row in counts.itertuples(index=False, name=None)
    ]


def predict_pairs(
    frame: pd.DataFrame, model: dict[str, Any], backend: Backend, floor: float
) -> pd.DataFrame:
    """Scored pairs among the identities of `frame` at or above probability `floor`, and every
    pair sharing a document number whatever its probability (a conflict is a red link).
    """
    quiet_splink()
    try:
        api = backend()
        linker = Linker(
            _as_input(frame, api), _for_frame(model, api), db_api=api, set_up_basic_logging=False
        )
        scored = linker.inference.predict()
        return _kept_pairs(linker, scored.physical_name, floor, api)
    except RmisError:
        raise
    except Exception as e:
        raise LinkageFailed(f"scoring pairs failed: {e}") from e


def match_new(
    existing: pd.DataFrame, new: pd.DataFrame, model: dict[str, Any], backend: Backend, floor: float
) -> pd.DataFrame:
    """Pairs of each new identity with an existing one, and among the new ones: exactly the
    pairs a full run would score that involve a new identity.
    """
    quiet_splink()
    try:
        between = _pairs_with_existing(existing, new, model, backend, floor)
        among = predict_pairs(new, model, backend, floor) if len(new) > 1 else _no_pairs()
    except RmisError:
        raise
    except Exception as e:
        raise LinkageFailed(f"matching new records failed: {e}") from e
    found = [frame for frame in (between, among) if not frame.empty]
    return pd.concat(found, ignore_index=True) if found else _no_pairs()


def _pairs_with_existing(
    existing: pd.DataFrame, new: pd.DataFrame, model: dict[str, Any], backend: Backend, floor: float
) -> pd.DataFrame:
    if existing.empty or new.empty:
        return _no_pairs()
    api = backend()
    settings = {**_for_frame(model, api), "link_type": "link_only"}
    linker = Linker(
        [_as_input(existing, api), _as_input(new, api)], settings, db_api=api,
        set_up_basic_logging=False, input_table_aliases=["existing", "new"],
    )  # fmt: skip
    scored = linker.inference.predict()
    return _kept_pairs(linker, scored.physical_name, floor, api)


def _as_input(frame: pd.DataFrame, api: Any) -> Any:
    """The identities as the engine takes them: DuckDB reads the pandas frame; Spark gets
    a DataFrame with the schema stated (it cannot infer a type from a column of nulls).
    """
    session = getattr(api, "spark", None)
    if session is None:
        return frame
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    schema = StructType(
        [
            StructField(c, ArrayType(StringType()) if c in ARRAY_COLUMNS else StringType())
            for c in frame.columns
        ]
    )
    rows = [
        tuple(v if isinstance(v, list) or not pd.isna(v) else None for v in row)
        for row in frame.itertuples(index=False, name=None)
    ]
    return session.createDataFrame(rows, schema)


def for_dialect(model: dict[str, Any], dialect: str) -> dict[str, Any]:
    """The model with its SQL written for `dialect` (a model trained on DuckDB runs on
    Spark): RMIS's settings built for that dialect, carrying the trained parameters.
    """
    if model.get("sql_dialect", "duckdb") == dialect:
        return model
    fresh = settings_dict(rmis_settings(model.get("link_type", "dedupe_only")), dialect)
    trained = {c["output_column_name"]: c["comparison_levels"] for c in model["comparisons"]}
    for comparison in fresh["comparisons"]:
        levels = trained[comparison["output_column_name"]]
        for level, old in zip(comparison["comparison_levels"], levels, strict=True):
            for key in ("m_probability", "u_probability", "fix_m_probability"):
                if key in old:
                    level[key] = old[key]
    keep = ("probability_two_random_records_match", "link_type")
    return {**fresh, **{k: model[k] for k in keep if k in model}, "sql_dialect": dialect}


def _dialect(api: Any) -> str:
    return "spark" if getattr(api, "spark", None) is not None else "duckdb"


def _for_frame(model: dict[str, Any], api: Any) -> dict[str, Any]:
    """The model ready to run: a copy keeping the comparison levels the classes read."""
    return {
        **for_dialect(model, _dialect(api)),
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": False,
        "additional_columns_to_retain": [],
    }


def _kept_pairs(linker: Linker, table: str, floor: float, api: Any) -> pd.DataFrame:
    quote = "`" if _dialect(api) == "spark" else '"'
    columns = ", ".join(f"{quote}{c}{quote}" for c in PAIR_COLUMNS)
    sql = (
        f"SELECT {columns} FROM {table} "
        f"WHERE match_probability >= {float(floor)!r} OR gamma_document >= {DOCUMENT_AGREES}"
    )
    pairs: pd.DataFrame = linker.misc.query_sql(sql, output_type="pandas")  # type: ignore[no-untyped-call]
    return pairs


def _no_pairs() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PAIR_COLUMNS})
