"""Letter tables for the writing systems that CIS names pass through.

Every table maps one upper-case letter (names are normalised to upper case before lookup) to its
rendering. Each table names the standard or the practice it follows. Letters a table leaves out
are handled by the function that uses it, never silently guessed here.
"""

from types import MappingProxyType
from typing import Final

Table = MappingProxyType[str, str]

# ICAO Doc 9303 Part 3 (8th ed., 2021), section 6 "Transliteration of multinational characters",
# Cyrillic part: the rules of Russian foreign passports from about 2014 and of most CIS MRZs.
ICAO_9303: Final[Table] = MappingProxyType(
    {
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
        "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
        "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
        "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
        "Я": "IA",
        # Ukrainian and Belarusian letters listed in the same ICAO table.
        "Ґ": "G", "Є": "IE", "І": "I", "Ї": "I", "Ў": "U",
    }
)  # fmt: skip

# Rules of Russian foreign passports from 1997 to 2010 (MVD order of 1997). Context rules live
# in the transliteration module: Е is YE at the start of a word and after a vowel, Ъ or Ь;
# Ё is E after Ж, Ч, Ш, Щ.
RU_1997: Final[Table] = MappingProxyType(
    {
        **ICAO_9303,
        "Ё": "YE", "Й": "Y", "Ц": "TS", "Ъ": "", "Ь": "", "Ю": "YU", "Я": "YA", "Є": "YE",
    }
)  # fmt: skip

# GOST R 52535.1-2006, annex A: Russian foreign passports from March 2010 to about 2014.
GOST_2006: Final[Table] = MappingProxyType({**ICAO_9303, "Ц": "TC"})

# Latin spelling printed in Tajik national passports. The Tajik letters follow the passports
# (Ғ GH, Ӣ I, Қ Q, Ӯ U, Ҳ H, Ҷ J); Х stays KH there, Ё, Ю, Я take a Y glide.
TAJIK_PASSPORT: Final[Table] = MappingProxyType(
    {
        **ICAO_9303,
        "Ғ": "GH", "Ӣ": "I", "Қ": "Q", "Ӯ": "U", "Ҳ": "H", "Ҷ": "J",
        "Ё": "YO", "Й": "Y", "Ю": "YU", "Я": "YA", "Ъ": "",
    }
)  # fmt: skip

# Kyrgyz passports: ICAO 9303 for the shared letters; the Kyrgyz letters as the passports
# write them (Ң NG, Ө O, Ү U; OE and UE appear in older documents).
KYRGYZ_PASSPORT: Final[Table] = MappingProxyType(
    {**ICAO_9303, "Ң": "NG", "Ө": "O", "Ү": "U"}
)  # fmt: skip

# Kazakh passports: ICAO 9303 for the shared letters; the Kazakh letters by their first
# passport rendering (Ә A, Ғ G, Қ K, Ң NG, Ө O, Ұ U, Ү U, Һ H, І I). AE, GH, Q, OE, UE are
# variants seen in other documents; the comparison form folds them together.
KAZAKH_PASSPORT: Final[Table] = MappingProxyType(
    {
        **ICAO_9303,
        "Ә": "A", "Ғ": "G", "Қ": "K", "Ң": "NG", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H",
        "І": "I",
    }
)  # fmt: skip

# Uzbek Cyrillic to the official Uzbek Latin alphabet (Law of the Republic of Uzbekistan of
# 1993 as amended in 1995). Oʻ and Gʻ use U+02BB; the tutuq belgisi (Ъ) is U+02BC. Context rule
# in the transliteration module: Е is YE at the start of a word and after a vowel.
UZBEK_LATIN: Final[Table] = MappingProxyType(
    {
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Ғ": "Gʻ", "Д": "D", "Е": "E", "Ё": "YO",
        "Ж": "J", "З": "Z", "И": "I", "Й": "Y", "К": "K", "Қ": "Q", "Л": "L", "М": "M",
        "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ў": "Oʻ",
        "Ф": "F", "Х": "X", "Ҳ": "H", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Ъ": "ʼ", "Ь": "",
        "Э": "E", "Ю": "YU", "Я": "YA",
        # Russian letters that appear in Uzbek Cyrillic names of Russian origin.
        "Щ": "SHCH", "Ы": "I",
    }
)  # fmt: skip

# Official Uzbek Latin back to Uzbek Cyrillic, single letters. Digraphs (SH, CH, YO, YU, YA, YE,
# TS, Oʻ, Gʻ) and word-initial E → Э are context rules in the transliteration module.
UZBEK_CYRILLIC_SINGLE: Final[Table] = MappingProxyType(
    {
        "A": "А", "B": "Б", "C": "Ц", "D": "Д", "E": "Е", "F": "Ф", "G": "Г", "H": "Ҳ",
        "I": "И", "J": "Ж", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О", "P": "П",
        "Q": "Қ", "R": "Р", "S": "С", "T": "Т", "U": "У", "V": "В", "W": "В", "X": "Х",
        "Y": "Й", "Z": "З", "'": "Ъ",
    }
)  # fmt: skip

UZBEK_CYRILLIC_DIGRAPHS: Final[Table] = MappingProxyType(
    {
        "O'": "Ў", "G'": "Ғ", "S'H": "СҲ", "SH": "Ш", "CH": "Ч", "YO": "Ё", "YU": "Ю",
        "YA": "Я", "YE": "Е", "TS": "Ц",
    }
)  # fmt: skip

# How a Russian registration clerk re-writes the letters of the other Cyrillic alphabets with
# Russian ones (DOMAIN.md "Names"): Tajik ҳ→х, қ→к, ғ→г, ӯ→у, ӣ→и, ҷ→дж; the Kyrgyz, Kazakh,
# Uzbek and Belarusian/Ukrainian letters by the same habit of nearest Russian letter.
RUSSIAN_CLERK: Final[Table] = MappingProxyType(
    {
        "Ҳ": "Х", "Қ": "К", "Ғ": "Г", "Ӯ": "У", "Ӣ": "И", "Ҷ": "ДЖ",
        "Ң": "Н", "Ө": "О", "Ү": "У", "Ә": "А", "Ұ": "У", "Һ": "Х", "І": "И", "Ї": "И",
        "Ў": "У", "Ґ": "Г", "Є": "Е",
    }
)  # fmt: skip

# Letters of the Azerbaijani (1992), Turkmen (1993), Uzbek (1995) and Kazakh (2021) Latin
# alphabets written in passport ASCII, by the sound a Russian or passport reader gives them.
# Uzbek Oʻ and Gʻ lose their mark by a rule in the transliteration module.
LATIN_ASCII: Final[Table] = MappingProxyType(
    {
        # Azerbaijani
        "Ə": "A", "Ğ": "G", "İ": "I", "Ö": "O", "Ş": "SH", "Ü": "U", "Ç": "CH",
        # Turkmen (Ç, Ö, Ş, Ü as above)
        "Ä": "A", "Ň": "N", "Ý": "Y", "Ž": "ZH",
        # Kazakh Latin of 2021 (Ä, Ğ, Ö, Ş, Ü, Ç as above)
        "Ñ": "NG", "Ū": "U", "Ī": "I",
    }
)  # fmt: skip

# Passport Latin back to Russian Cyrillic, for generating query variants only: many-to-one, so
# the result is a plausible spelling, not the original. Longest keys win.
RUSSIAN_FROM_LATIN_DIGRAPHS: Final[Table] = MappingProxyType(
    {
        "SHCH": "Щ", "SCH": "Щ", "DZH": "ДЖ", "ZH": "Ж", "KH": "Х", "TS": "Ц", "TC": "Ц",
        "CH": "Ч", "SH": "Ш", "GH": "Г", "YO": "Ё", "YU": "Ю", "YA": "Я", "YE": "Е",
        "O'": "У", "G'": "Г",
    }
)  # fmt: skip

RUSSIAN_FROM_LATIN_SINGLE: Final[Table] = MappingProxyType(
    {
        "A": "А", "B": "Б", "C": "Ц", "D": "Д", "E": "Е", "F": "Ф", "G": "Г", "H": "Х",
        "I": "И", "J": "ДЖ", "K": "К", "L": "Л", "M": "М", "N": "Н", "O": "О", "P": "П",
        "Q": "К", "R": "Р", "S": "С", "T": "Т", "U": "У", "V": "В", "W": "В", "X": "Х",
        "Y": "Ы", "Z": "З", "'": "",
    }
)  # fmt: skip

# Cyrillic straight into the comparison alphabet of `keys.canonical_form`: every national letter
# goes to the Latin letter its neighbours' systems would agree on after folding (Х, Ҳ, Һ → H;
# Ж, Ҷ → J; Ц → C; Й, Ы, І → I; glides as I + vowel; soft and hard signs vanish).
CANONICAL_CYRILLIC: Final[Table] = MappingProxyType(
    {
        "А": "A", "Ә": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Ғ": "G", "Д": "D",
        "Е": "E", "Є": "IE", "Ё": "IO", "Ж": "J", "Ҷ": "J", "З": "Z", "И": "I", "І": "I",
        "Ї": "I", "Ӣ": "I", "Й": "I", "К": "K", "Қ": "K", "Л": "L", "М": "M", "Н": "N",
        "Ң": "N", "О": "O", "Ө": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U",
        "Ӯ": "U", "Ү": "U", "Ұ": "U", "Ў": "U", "Ф": "F", "Х": "H", "Ҳ": "H", "Һ": "H",
        "Ц": "C", "Ч": "CH", "Ш": "SH", "Щ": "SH", "Ъ": "", "Ы": "I", "Ь": "", "Э": "E",
        "Ю": "IU", "Я": "IA",
    }
)  # fmt: skip
