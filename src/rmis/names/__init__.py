"""Names of CIS migrants across scripts: script detection, normalisation, the passport
transliteration systems, comparison forms, blocking keys and a name comparison.

Pure computation: no I/O, no framework.
"""

from rmis.names.compare import NameCompareConfig, NameComparison, PersonName, compare_names
from rmis.names.keys import canonical_form, name_keys, phonetic_key, surname_stem
from rmis.names.normalise import normalise_name
from rmis.names.patronymic import is_patronymic, patronymic_root, split_patronymic
from rmis.names.script import CyrillicLanguage, Script, detect_cyrillic_language, detect_script
from rmis.names.transliterate import System, transliterate, transliteration_variants

__all__ = [
    "CyrillicLanguage",
    "NameCompareConfig",
    "NameComparison",
    "PersonName",
    "Script",
    "System",
    "canonical_form",
    "compare_names",
    "detect_cyrillic_language",
    "detect_script",
    "is_patronymic",
    "name_keys",
    "normalise_name",
    "patronymic_root",
    "phonetic_key",
    "split_patronymic",
    "surname_stem",
    "transliterate",
    "transliteration_variants",
]
