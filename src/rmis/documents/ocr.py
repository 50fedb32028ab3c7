"""Characters that optical readers confuse in the OCR-B font of the MRZ.

Only the common pairs 0/O, 1/I, 8/B, 5/S and 2/Z are considered: enough to explain most
failed check digits without guessing wildly.
"""

from __future__ import annotations

from rmis.documents.checkdigit import check_digit

DIGIT_FOR_LETTER = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2"}
LETTER_FOR_DIGIT = {digit: letter for letter, digit in DIGIT_FOR_LETTER.items()}
LOOKALIKE = DIGIT_FOR_LETTER | LETTER_FOR_DIGIT


def as_digits(text: str) -> str:
    """`text` with every letter that looks like a digit read as that digit."""
    return "".join(DIGIT_FOR_LETTER.get(char, char) for char in text)


def as_letters(text: str) -> str:
    """`text` with every digit that looks like a letter read as that letter."""
    return "".join(LETTER_FOR_DIGIT.get(char, char) for char in text)


def lookalike_repairs(value: str, expected_check: str) -> list[str]:
    """Readings of `value` differing by one look-alike character whose check digit matches."""
    repairs = []
    for i, char in enumerate(value):
        other = LOOKALIKE.get(char)
        if other is None:
            continue
        candidate = value[:i] + other + value[i + 1 :]
        if check_digit(candidate) == expected_check:
            repairs.append(candidate)
    return repairs
