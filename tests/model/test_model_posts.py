from __future__ import annotations

import datetime as dt

from rmis.model import BORDER_POSTS, ICAO_COUNTRY_CODES


def test_every_post_belongs_to_a_member_state_named_by_its_code() -> None:
    for code, post in BORDER_POSTS.items():
        assert post.code == code
        assert code.startswith(f"{post.state}-") and post.state in ICAO_COUNTRY_CODES
        assert post.mode in {"air", "road"}
        assert -90 <= post.latitude <= 90 and -180 <= post.longitude <= 180


def test_almaty_moved_to_utc_plus_five_on_1_march_2024() -> None:
    almaty = BORDER_POSTS["KAZ-ALA"]
    assert almaty.offset_on(dt.date(2024, 2, 29).toordinal()) == 6 * 60
    assert almaty.offset_on(dt.date(2024, 3, 1).toordinal()) == 5 * 60
    # the western crossing was on UTC+5 all along
    zhaisan = BORDER_POSTS["KAZ-ZHN"]
    assert zhaisan.offset_on(dt.date(2024, 2, 29).toordinal()) == 5 * 60
    assert zhaisan.offset_on(dt.date(2024, 3, 1).toordinal()) == 5 * 60
