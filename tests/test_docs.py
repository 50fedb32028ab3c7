"""The docs say what the code does: every setting documented, the example file as described."""

from __future__ import annotations

from pathlib import Path

from rmis.config import Settings
from rmis.ingest import check_record, read_records
from rmis.model import Crossing

DOCS = Path(__file__).parent.parent / "docs"


def test_every_setting_is_documented() -> None:
    guide = (DOCS / "operator-guide.md").read_text(encoding="utf-8")
    missing = [
        f"RMIS_{n.upper()}" for n in Settings.model_fields if f"`RMIS_{n.upper()}`" not in guide
    ]
    assert not missing


def test_the_example_file_holds_four_good_records_and_one_bad() -> None:
    outcomes = [check_record(r, "TJK") for r in read_records(DOCS / "examples" / "crossings.csv")]
    assert [isinstance(o, Crossing) for o in outcomes] == [True, True, True, True, False]
    assert {p.field for p in outcomes[4]} == {"at", "to_country", "surname"}  # type: ignore[union-attr]
