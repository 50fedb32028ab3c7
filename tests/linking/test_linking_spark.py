"""Splink's Spark backend (local mode) runs RMIS's model and finds the same persons as
DuckDB: the model trained on DuckDB is carried over to Spark's SQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from test_linking_records import background, hard_pairs

from rmis.linking import link_records, spark_backend
from rmis.linking.records import link_increment

pytest.importorskip("pyspark")
pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("the Spark backend needs a Java runtime")
    from rmis.linking.spark import local_session

    session = local_session(cores=2)
    yield session
    session.stop()


def partition(person_of: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for record, person in person_of.items():
        groups.setdefault(person, set()).add(record)
    return {frozenset(g) for g in groups.values()}


def test_spark_finds_the_same_persons_and_links_as_duckdb(spark: Any) -> None:
    records = [*background(100), *hard_pairs()]
    duck = link_records(records)
    on_spark = link_records(records, model=duck.model, backend=spark_backend(spark))
    assert partition(on_spark.person_of_record) == partition(duck.person_of_record)
    assert on_spark.summary() == duck.summary()
    classes = {(k.left, k.right): k.link_class for k in duck.links}
    assert {(k.left, k.right): k.link_class for k in on_spark.links} == classes
    later = link_increment(link_records(records[:-4], model=duck.model), records[-4:],
                           backend=spark_backend(spark))  # fmt: skip
    assert partition(later.person_of_record) == partition(duck.person_of_record)
