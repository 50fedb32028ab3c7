"""The answer's JSON text: orjson's, the same text `json.dumps` gives."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from rmis.border.service import compact_json

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.text()
    | st.floats(min_value=0, max_value=1).map(lambda x: round(x, 4))  # screening scores
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(st.dictionaries(st.text(), VALUES, max_size=8))
def test_compact_json_is_the_text_json_dumps_gives(value: dict[str, Any]) -> None:
    assert compact_json(value) == reference(value)


def test_names_in_any_script_are_kept_as_they_are() -> None:
    value = {"surname": "Рахмонов", "given_names": "Ҷамшед 😀", "note": 'a "b" \\ \x01 \u2028'}
    assert compact_json(value) == reference(value)
    assert "Рахмонов" in compact_json(value)


def test_text_that_orjson_refuses_is_written_by_json() -> None:
    value = {"surname": "bad \ud800 half", "big": 2**70}
    assert compact_json(value) == reference(value)
