"""Identity resolution: the columns, comparisons, link classes and clustering of RMIS's
linkage model. Splink runs the model (`rmis.linking` is the adapter that runs it); this
package only describes it and decides on its output: pure, no I/O.
"""

from rmis.linkage.classes import (
    DEFAULT_THRESHOLDS,
    LinkClass,
    PairEvidence,
    ReviewDecision,
    Thresholds,
    classify_link,
    merges,
)
from rmis.linkage.clusters import cluster_records, person_id_of
from rmis.linkage.columns import (
    DERIVED_COLUMNS,
    PERSON_RECORD_COLUMNS,
    derive_columns,
    identity_key,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "DERIVED_COLUMNS",
    "PERSON_RECORD_COLUMNS",
    "LinkClass",
    "PairEvidence",
    "ReviewDecision",
    "Thresholds",
    "classify_link",
    "cluster_records",
    "derive_columns",
    "identity_key",
    "merges",
    "person_id_of",
]
