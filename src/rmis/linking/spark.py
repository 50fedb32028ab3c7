"""A local Spark session for Splink's Spark backend (the `spark` extra installs PySpark)."""

from __future__ import annotations

import tempfile
from typing import Any

from rmis.errors import ConfigurationError


def local_session(cores: int = 2, checkpoint_dir: str = "") -> Any:
    """A SparkSession in local mode with Splink's similarity functions on its class path and
    a checkpoint directory (Splink breaks long lineages there; a temporary one by default).
    """
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as e:
        raise ConfigurationError(
            "the Spark backend needs PySpark: pip install 'rmis[spark]'"
        ) from e
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("rmis-linkage")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setCheckpointDir(checkpoint_dir or tempfile.mkdtemp(prefix="rmis-spark-"))
    session.sparkContext.setLogLevel("ERROR")
    return session
