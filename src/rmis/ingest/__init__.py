"""Ingest of crossings from files and the API, with quarantine of bad records."""

from rmis.ingest.pipeline import IngestSummary, check_record, ingest_file, ingest_records
from rmis.ingest.readers import RawRecord, fields_record, read_records
from rmis.ingest.repair import RetryOutcome, retry_all, retry_quarantined

__all__ = [
    "IngestSummary",
    "RawRecord",
    "RetryOutcome",
    "check_record",
    "fields_record",
    "ingest_file",
    "ingest_records",
    "read_records",
    "retry_all",
    "retry_quarantined",
]
