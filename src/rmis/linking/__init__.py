"""Running linkage: Splink (DuckDB or Spark) on batches of person records and on the node's
registry, incrementally after ingest or as a full re-link. The adapter around `rmis.linkage`.
"""

from rmis.linking.engine import (
    LinkageFailed,
    duckdb_backend,
    predict_pairs,
    spark_backend,
    train_model,
)
from rmis.linking.records import Link, LinkOutcome, build_identities, link_records
from rmis.linking.registry import LinkRun, has_model, link_new_records, relink_all, review_link

__all__ = [
    "Link",
    "LinkOutcome",
    "LinkRun",
    "LinkageFailed",
    "build_identities",
    "duckdb_backend",
    "has_model",
    "link_new_records",
    "link_records",
    "predict_pairs",
    "relink_all",
    "review_link",
    "spark_backend",
    "train_model",
]
