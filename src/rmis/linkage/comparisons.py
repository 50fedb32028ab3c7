"""The linkage model's comparisons and blocking rules, as Splink settings.

Every comparison reads the columns `rmis.linkage.columns` derives, so a level means the same
whatever script the two records were written in. The SQL is plain equality or Splink's own
portable levels, so one model runs on DuckDB and on Spark. Building settings is pure: Splink's
creators only describe SQL; running them is `rmis.linking`'s job.
"""

from __future__ import annotations

from typing import Any, Final, Literal

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.internals.blocking_rule_creator import BlockingRuleCreator
from splink.internals.comparison_creator import ComparisonCreator

UNIQUE_ID: Final = "identity_id"
# The dialect RMIS writes its own SQL in; Splink translates it for Spark.
BASE_DIALECT: Final = "duckdb"


def _custom(sql: str, label: str) -> cll.CustomLevel:
    return cll.CustomLevel(sql, label, base_dialect_str=BASE_DIALECT)


def _rule(sql: str) -> dict[str, Any]:
    return {"blocking_rule": sql, "sql_dialect": BASE_DIALECT}


def _name_part(field: str, other: str) -> ComparisonCreator:
    """One name field: equal canonical forms, equal stems (a Russian ending dropped or added),
    the other record's other field (surname and given name swapped), equal sound keys, close
    spellings (Jaro-Winkler on the canonical Latin form), or different.
    """
    canon, stem, sound = f"{field}_canon", f"{field}_stem", f"{field}_sound"
    return cl.CustomComparison(
        output_column_name=field,
        comparison_levels=[
            cll.NullLevel(canon),
            cll.ExactMatchLevel(canon),
            cll.ExactMatchLevel(stem),
            _custom(f'"{stem}_l" = "{other}_stem_r"', f"{field} is the other's {other}"),
            cll.ExactMatchLevel(sound),
            cll.JaroWinklerLevel(canon, 0.92),
            cll.JaroWinklerLevel(canon, 0.8),
            cll.ElseLevel(),
        ],
        comparison_description=f"{field} across scripts and transliterations",
    )


def _patronymic() -> ComparisonCreator:
    """The father's name a patronymic carries: equal root, close, or different."""
    return cl.CustomComparison(
        output_column_name="father",
        comparison_levels=[
            cll.NullLevel("father"),
            cll.ExactMatchLevel("father"),
            cll.JaroWinklerLevel("father", 0.88),
            cll.ElseLevel(),
        ],
    )


def _birth_date() -> ComparisonCreator:
    """Birth dates: exact, day and month swapped, agreeing as far as both are known (one is
    partial), or conflicting; unknown when either has no year.
    """
    partial_agrees = (
        '"birth_year_l" = "birth_year_r" '
        'AND ("birth_month_l" IS NULL OR "birth_month_r" IS NULL '
        'OR "birth_month_l" = "birth_month_r") '
        'AND ("birth_day_l" IS NULL OR "birth_day_r" IS NULL)'
    )
    return cl.CustomComparison(
        output_column_name="birth_date",
        comparison_levels=[
            cll.NullLevel("birth_year"),
            cll.And(cll.ExactMatchLevel("birth_date"), cll.Not(cll.NullLevel("birth_day"))),
            _custom('"birth_swapped_l" = "birth_date_r"', "day and month swapped"),
            _custom(partial_agrees, "agrees as far as known"),
            cll.ElseLevel(),
        ],
    )


_SAME_SERIES: Final = (
    'length("document_folded_l") = length("document_folded_r") AND '
    'substr("document_folded_l", 1, length("document_folded_l") - 1) = '
    'substr("document_folded_r", 1, length("document_folded_r") - 1)'
)

# A number of seven characters or more with one typo keeps its first three or its last three
# characters (an edit cannot reach both): checked first, so the costly edit distance is
# computed only for the few pairs that could be one typo apart.
_END_AGREES: Final = (
    'length("document_folded_l") < 7 OR length("document_folded_r") < 7 OR '
    'substr("document_folded_l", 1, 3) = substr("document_folded_r", 1, 3) OR '
    'substr("document_folded_l", length("document_folded_l") - 2) = '
    'substr("document_folded_r", length("document_folded_r") - 2)'
)


def _document() -> ComparisonCreator:
    """Document numbers: equal, equal through OCR confusions, neighbours in one series (twins
    get consecutive passports: evidence of two people), one character apart (a typo),
    different (a renewed passport has a new number, so different is weak evidence).
    """
    return cl.CustomComparison(
        output_column_name="document",
        comparison_levels=[
            cll.NullLevel("document"),
            cll.ExactMatchLevel("document"),
            cll.ExactMatchLevel("document_folded"),
            _custom(_SAME_SERIES, "neighbours in one series").configure(
                m_probability=1e-5, fix_m_probability=True
            ),
            cll.And(
                _custom(_END_AGREES, "first or last three characters equal"),
                cll.DamerauLevenshteinLevel("document_folded", 1),
            ),
            cll.ElseLevel(),
        ],
    )


def _address() -> ComparisonCreator:
    """Words two addresses share (an optional column; registrations at a place of stay)."""
    return cl.CustomComparison(
        output_column_name="address",
        comparison_levels=[
            cll.NullLevel("address_tokens"),
            cll.ArrayIntersectLevel("address_tokens", 6),
            cll.ArrayIntersectLevel("address_tokens", 4),
            cll.ArrayIntersectLevel("address_tokens", 2),
            cll.ElseLevel(),
        ],
    )


def rmis_comparisons() -> list[ComparisonCreator | dict[str, Any]]:
    """The comparisons of RMIS's model, in the order Splink reports them."""
    return [
        _name_part("surname", "given"),
        _name_part("given", "surname"),
        _patronymic(),
        _birth_date(),
        _document(),
        cl.ExactMatch("sex"),
        cl.ExactMatch("nationality"),
        _address(),
    ]


def blocking_rules() -> list[BlockingRuleCreator | dict[str, Any]]:
    """Which pairs are scored at all: records sharing an order-free name key and birth year,
    a sound key and birth date, a stem and birth date, or a folded document number; a record
    without a birth year meets the records sharing its order-free name key; records born the
    same day, or with the same address number (postcode), meet too. Typos beyond what the
    keys fold: records sharing a given name, the surname's first letters and the birth year
    meet (a surname mistyped), and so do records sharing a given name, the surname's first
    letters and one half of a document number (a number mistyped, the birth date unknown or
    mistyped too).
    """
    return [
        _rule('l."stems_no_birth" = r."name_stems"'),
        _rule('l."name_stems" = r."stems_no_birth"'),
        block_on("name_stems", "birth_year"),
        block_on("name_sounds", "birth_date"),
        block_on("surname_stem", "birth_date"),
        block_on("given_stem", "birth_date"),
        block_on("document_folded"),
        block_on("birth_date"),
        block_on("address_key"),
        block_on("given_stem", "surname_head", "birth_year"),
        block_on("given_stem", "surname_head", "document_head"),
        block_on("given_stem", "surname_head", "document_tail"),
    ]


def training_rules() -> list[BlockingRuleCreator]:
    """EM sessions: each fixes some comparisons by blocking and estimates the others. Each
    session blocks on one field only: pairs blocked on several agreeing fields are the true
    pairs whose errors fell elsewhere, and would teach the model that the other fields
    disagree more often than they do.
    """
    return [block_on("document_folded"), block_on("birth_date")]


def deterministic_rules() -> list[str | BlockingRuleCreator]:
    """Rules almost only true pairs meet, to estimate the share of matching pairs."""
    return [block_on("document_folded", "birth_date"), block_on("name_stems", "birth_date")]


LinkType = Literal["link_only", "link_and_dedupe", "dedupe_only"]


def rmis_settings(link_type: LinkType = "dedupe_only") -> SettingsCreator:
    """Splink settings of RMIS's model (untrained)."""
    return SettingsCreator(
        link_type=link_type,
        unique_id_column_name=UNIQUE_ID,
        comparisons=rmis_comparisons(),
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        additional_columns_to_retain=[],
    )


def settings_dict(settings: SettingsCreator, dialect: str = "duckdb") -> dict[str, Any]:
    """Settings as the JSON-able dict Splink saves and loads."""
    result: dict[str, Any] = settings.create_settings_dict(dialect)
    return result
