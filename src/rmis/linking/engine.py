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
    training_rules,
)

# Gamma columns the link classes read (Splink numbers levels from the top; ELSE is 0).
PAIR_COLUMNS: Final = (
    f"{UNIQUE_ID}_l", f"{UNIQUE_ID}_r", "match_probability", "gamma_document",
    "gamma_birth_date", "gamma_sex",
)  # fmt: skip
DOCUMENT_AGREES: Final = 3  # exact or through OCR confusions
DEFAULT_U_PAIRS: Final = 2e6
SEED: Final = 7
UNSEEN: Final = 1e-3

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
    frame: pd.DataFrame, backend: Backend, u_pairs: float = DEFAULT_U_PAIRS
) -> dict[str, Any]:
    """Train the model on identities: the share of matches from deterministic rules, u by
    random sampling, m by expectation maximisation in two blocked sessions. Returns the
    trained model as Splink's JSON-able dict.
    """
    quiet_splink()
    try:
        linker = Linker(frame, rmis_settings(), db_api=backend(), set_up_basic_logging=False)
        training = linker.training
        training.estimate_probability_two_random_records_match(deterministic_rules(), recall=0.8)
        training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=SEED)
        for rule in training_rules():
            training.estimate_parameters_using_expectation_maximisation(rule)
        model: dict[str, Any] = fill_unseen_levels(linker.misc.save_model_to_json())
    except RmisError:
        raise
    except Exception as e:
        raise LinkageFailed(f"training the linkage model failed: {e}") from e
    return model


def fill_unseen_levels(model: dict[str, Any], unseen: float = UNSEEN) -> dict[str, Any]:
    """Give levels training never saw a probability of `unseen`: Splink's defaults would
    make a level no true pair reached (twins' neighbouring passports) strong evidence.
    """
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            for key in ("m_probability", "u_probability"):
                if level.get(key) is None:
                    level[key] = unseen
    return model


def predict_pairs(
    frame: pd.DataFrame, model: dict[str, Any], backend: Backend, floor: float
) -> pd.DataFrame:
    """Scored pairs among the identities of `frame` at or above probability `floor`, and every
    pair sharing a document number whatever its probability (a conflict is a red link).
    """
    quiet_splink()
    try:
        linker = Linker(frame, _for_frame(model), db_api=backend(), set_up_basic_logging=False)
        scored = linker.inference.predict()
        return _kept_pairs(linker, scored.physical_name, floor)
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
    return pd.concat([between, among], ignore_index=True)


def _pairs_with_existing(
    existing: pd.DataFrame, new: pd.DataFrame, model: dict[str, Any], backend: Backend, floor: float
) -> pd.DataFrame:
    if existing.empty or new.empty:
        return _no_pairs()
    settings = {**_for_frame(model), "link_type": "link_only"}
    linker = Linker(
        [existing, new], settings, db_api=backend(), set_up_basic_logging=False,
        input_table_aliases=["existing", "new"],
    )  # fmt: skip
    scored = linker.inference.predict()
    return _kept_pairs(linker, scored.physical_name, floor)


def _for_frame(model: dict[str, Any]) -> dict[str, Any]:
    """The model ready to run: a copy keeping the comparison levels the classes read."""
    return {
        **model,
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": False,
        "additional_columns_to_retain": [],
    }


def _kept_pairs(linker: Linker, table: str, floor: float) -> pd.DataFrame:
    columns = ", ".join(f'"{c}"' for c in PAIR_COLUMNS)
    sql = (
        f"SELECT {columns} FROM {table} "
        f"WHERE match_probability >= {float(floor)!r} OR gamma_document >= {DOCUMENT_AGREES}"
    )
    pairs: pd.DataFrame = linker.misc.query_sql(sql, output_type="pandas")  # type: ignore[no-untyped-call]
    return pairs


def _no_pairs() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PAIR_COLUMNS})
