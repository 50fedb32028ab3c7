"""The shared types of RMIS: pure, validated, no I/O."""

from rmis.model.access import (
    ROLE_PERMISSIONS,
    AuditEntry,
    Permission,
    Principal,
    Role,
    system_principal,
)
from rmis.model.countries import ICAO_COUNTRY_CODES, country_name, is_icao_country
from rmis.model.crossing import (
    CROSSING_FIELDS,
    PERSON_FIELDS,
    Crossing,
    Direction,
    PersonRecord,
    Problem,
    Purpose,
    StayGrounds,
    person_key,
    validate_crossing,
)
from rmis.model.posts import BORDER_POSTS, BorderPost
from rmis.model.quarantine import QuarantinedRecord, QuarantineStatus

__all__ = [
    "BORDER_POSTS",
    "CROSSING_FIELDS",
    "ICAO_COUNTRY_CODES",
    "PERSON_FIELDS",
    "ROLE_PERMISSIONS",
    "AuditEntry",
    "BorderPost",
    "Crossing",
    "Direction",
    "Permission",
    "PersonRecord",
    "Principal",
    "Problem",
    "Purpose",
    "QuarantineStatus",
    "QuarantinedRecord",
    "Role",
    "StayGrounds",
    "country_name",
    "is_icao_country",
    "person_key",
    "system_principal",
    "validate_crossing",
]
