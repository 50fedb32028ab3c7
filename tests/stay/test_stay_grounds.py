"""Grounds other than visa-free: patents, EAEU contracts, permits, and grounds that change."""

from __future__ import annotations

from datetime import date

import pytest

from rmis.stay import GroundsPeriod, StayGrounds, Trip, assess_stay

PATENT = StayGrounds.LABOUR_PATENT
CONTRACT = StayGrounds.EAEU_CONTRACT


def test_visa_free_then_a_patent_mid_stay() -> None:
    grounds = [
        GroundsPeriod(StayGrounds.VISA_FREE, date(2024, 3, 1), date(2024, 3, 19)),
        GroundsPeriod(PATENT, date(2024, 3, 20), date(2024, 12, 19)),
    ]
    stay = [Trip(date(2024, 3, 1))]
    before = assess_stay("RUS", "TJK", grounds, date(2024, 3, 10), stay)
    assert before.grounds is StayGrounds.VISA_FREE
    assert before.rule.code == "RUS-90/180"
    during = assess_stay("RUS", "TJK", grounds, date(2024, 6, 1), stay)
    assert during.grounds is PATENT
    assert during.rule.code == "RUS-patent"
    assert during.days_used == 93  # every day present counts, whatever the grounds
    assert during.days_remaining == 0
    assert during.days_over_limit_in_window == 0  # lawful: the patent covers the day
    assert during.latest_exit == date(2024, 12, 19)  # the stay ends with the patent
    assert during.overstay_days == 0
    after = assess_stay("RUS", "TJK", grounds, date(2024, 12, 25), stay)
    assert (after.grounds, after.overstay_days) == (StayGrounds.VISA_FREE, 6)


def test_patent_over_twelve_months_from_issue_is_refused() -> None:
    period = GroundsPeriod(PATENT, date(2024, 3, 20), date(2025, 3, 21))
    with pytest.raises(ValueError, match="12 months"):
        assess_stay("RUS", "UZB", period, date(2024, 4, 1), [Trip(date(2024, 3, 1))])


def test_patent_needs_its_dates() -> None:
    with pytest.raises(ValueError, match="dates"):
        assess_stay("RUS", "UZB", "labour_patent", date(2024, 4, 1), [Trip(date(2024, 3, 1))])


def test_eaeu_citizens_need_no_patent_and_others_get_no_eaeu_contract() -> None:
    patent = GroundsPeriod(PATENT, date(2024, 3, 20), date(2024, 9, 19))
    with pytest.raises(ValueError, match="does not apply"):
        assess_stay("RUS", "KGZ", patent, date(2024, 4, 1), [Trip(date(2024, 3, 1))])
    contract = GroundsPeriod(CONTRACT, date(2024, 3, 20), date(2024, 9, 19))
    with pytest.raises(ValueError, match="does not apply"):
        assess_stay("RUS", "TJK", contract, date(2024, 4, 1), [Trip(date(2024, 3, 1))])


def test_eaeu_worker_stays_for_the_term_of_the_contract() -> None:
    contract = GroundsPeriod(CONTRACT, date(2023, 2, 5), date(2024, 2, 4))
    result = assess_stay("RUS", "KGZ", contract, date(2023, 10, 1), [Trip(date(2023, 2, 1))])
    assert result.latest_exit == date(2024, 2, 4)
    assert result.rule.code == "RUS-EAEU-contract"


def test_contract_ended_early_after_90_days_gives_15_days() -> None:
    ended = GroundsPeriod(CONTRACT, date(2023, 2, 5), date(2023, 6, 30), ended_early=True)
    result = assess_stay("RUS", "ARM", ended, date(2023, 7, 1), [Trip(date(2023, 2, 1))])
    assert result.latest_exit == date(2023, 7, 15)
    on_term = GroundsPeriod(CONTRACT, date(2023, 2, 5), date(2023, 6, 30))
    result = assess_stay("RUS", "ARM", on_term, date(2023, 7, 1), [Trip(date(2023, 2, 1))])
    assert result.latest_exit == date(2023, 6, 30)


def test_contract_ended_early_within_90_days_falls_back_to_the_day_limit() -> None:
    ended = GroundsPeriod(CONTRACT, date(2023, 2, 5), date(2023, 3, 15), ended_early=True)
    result = assess_stay("RUS", "KAZ", ended, date(2023, 3, 20), [Trip(date(2023, 2, 1))])
    assert result.latest_exit == date(2023, 5, 1)  # 1 Feb + 89 days, visa-free count
    assert result.grounds is StayGrounds.VISA_FREE


def test_residence_permit_has_no_day_limit_while_valid() -> None:
    stay = [Trip(date(2020, 1, 1))]
    open_ended = assess_stay("RUS", "AZE", "residence_permit", date(2023, 1, 1), stay)
    assert (open_ended.latest_exit, open_ended.overstay_days) == (None, 0)
    assert open_ended.rule.code == "RUS-residence-permit"
    permit = GroundsPeriod(StayGrounds.RESIDENCE_PERMIT, date(2020, 1, 1), date(2022, 12, 31))
    expired = assess_stay("RUS", "AZE", permit, date(2023, 1, 1), stay)
    assert expired.latest_exit == date(2022, 12, 31)
    assert expired.overstay_days == 1


def test_belarusians_have_no_day_limit_in_russia() -> None:
    result = assess_stay("RUS", "BLR", "visa_free", date(2023, 1, 1), [Trip(date(2021, 1, 1))])
    assert result.days_remaining is None
    assert result.latest_exit is None
    assert result.days_used == 180


def test_kazakhstan_counts_90_in_180_for_cis_citizens() -> None:
    result = assess_stay("KAZ", "UZB", "visa_free", date(2025, 3, 1), [Trip(date(2025, 1, 1))])
    assert result.rule.code == "KAZ-90/180"
    assert result.days_used == 60
    assert result.latest_exit == date(2025, 3, 31)
    assert result.ban is None


def test_kazakhstan_eaeu_contract_and_unknown_grounds() -> None:
    contract = GroundsPeriod(CONTRACT, date(2025, 1, 5), date(2025, 12, 31))
    result = assess_stay("KAZ", "KGZ", contract, date(2025, 6, 1), [Trip(date(2025, 1, 1))])
    assert result.latest_exit == date(2025, 12, 31)
    with pytest.raises(ValueError, match="no KAZ rule"):
        patent = GroundsPeriod(PATENT, date(2025, 1, 5), date(2025, 6, 30))
        assess_stay("KAZ", "UZB", patent, date(2025, 2, 1), [Trip(date(2025, 1, 1))])


def test_grounds_as_crossings_write_them_with_hyphens() -> None:
    period = GroundsPeriod("labour-patent", date(2024, 3, 20), date(2024, 12, 19))  # type: ignore[arg-type]
    assert period.grounds is PATENT
    result = assess_stay("RUS", "TJK", "visa-free", date(2024, 3, 10), [Trip(date(2024, 3, 1))])
    assert result.grounds is StayGrounds.VISA_FREE


def test_grounds_a_crossing_records_without_a_stay_rule_are_named_in_the_refusal() -> None:
    for grounds in ("visa", "official", ""):
        with pytest.raises(ValueError, match=f"no RUS rule for grounds '{grounds}'"):
            assess_stay("RUS", "UZB", grounds, date(2024, 4, 1), [Trip(date(2024, 3, 1))])
