"""Files are read block by block into the same lines, and no undecodable byte slips through."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import crossing, write_csv
from rmis.ingest import read_records
from rmis.ingest.readers import _UNDECODABLE, RawRecord, _DecodedLines, read_lines

# bytes a file may hold: text in several scripts, line ends, and bytes that are not UTF-8 (a
# lone continuation byte, a cut multi-byte sequence, a byte never used)
PIECES = st.sampled_from(
    [
        b"a",
        b",",
        b"\n",
        b"\r\n",
        "Ж".encode(),
        "ў".encode(),
        "😀".encode(),
        b"\x80",
        b"\xd0",
        b"\xff",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60), st.integers(min_value=1, max_value=7))
def test_lines_and_their_clean_mark_are_right_at_any_block_size(
    pieces: list[bytes], block: int
) -> None:
    data = b"".join(pieces)
    reader = _DecodedLines(io.BytesIO(data), lambda _n: None, block)
    seen = [(line, reader.clean) for line in reader]
    expected = data.decode("utf-8", "surrogateescape").split("\n")
    if expected[-1] == "":
        expected.pop()
    assert [line for line, _ in seen] == expected
    for line, clean in seen:
        # a line said to be clean holds no undecodable byte (the reverse need not hold)
        assert not clean or _UNDECODABLE.search(line) is None


def test_a_bad_byte_in_a_later_block_is_still_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("rmis.ingest.readers.BLOCK", 64)
    records = [crossing(i) for i in range(1, 4)]
    records[2]["surname"] = "Ahmedov"
    path = write_csv(tmp_path / "crossings.csv", records)
    # the third record's name with a byte that is not UTF-8, past the first 64-byte block
    path.write_bytes(path.read_bytes().replace(b"Ahmedov", b"Ahm\xffedov"))
    items = list(read_lines(path))
    bad = [x for x in items if isinstance(x, RawRecord) and x.problems]
    assert [p.message for x in bad for p in x.problems] == ["not valid UTF-8 text"]
    assert len(items) == 3
    assert [r.line for r in read_records(path)] == [2, 3, 4]
