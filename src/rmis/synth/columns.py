"""The crossing file's columns (the contract other code reads) and their positions."""

from __future__ import annotations

from rmis.model import CROSSING_FIELDS

# the crossing format of the model: synthetic files keep the same contract as real ones
CROSSING_COLUMNS: tuple[str, ...] = CROSSING_FIELDS
TRUTH_COLUMNS: tuple[str, ...] = ("authority", "event_id", "person_id")
PERSON_COLUMNS: tuple[str, ...] = (
    "person_id",
    "nationality",
    "sex",
    "birth_date",
    "surname",
    "given_name",
    "patronymic",
)

(
    EVENT_ID,
    AUTHORITY,
    BORDER_POST,
    DIRECTION,
    AT,
    FROM_COUNTRY,
    TO_COUNTRY,
    SURNAME,
    GIVEN_NAME,
    PATRONYMIC,
    SEX,
    BIRTH_DATE,
    NATIONALITY,
    DOCUMENT_TYPE,
    DOCUMENT_NUMBER,
    DOCUMENT_ISSUER,
    DOCUMENT_EXPIRY,
    PURPOSE,
    GROUNDS,
) = range(len(CROSSING_COLUMNS))
