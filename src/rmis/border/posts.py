"""Where the region's border posts are, to tell when one document is in two places at once."""

from __future__ import annotations

import math
from dataclasses import dataclass

FASTEST_KMH = 1_000.0
"""No traveller covers ground faster than an airliner; faster means two documents, not one."""
EARTH_RADIUS_KM = 6_371.0


@dataclass(frozen=True, slots=True)
class PostPosition:
    """A border post's position in decimal degrees (WGS 84)."""

    code: str
    latitude: float
    longitude: float


# Airports by their published reference points; road crossings approximately (to a few km).
POST_POSITIONS: dict[str, PostPosition] = {
    code: PostPosition(code, lat, lon)
    for code, lat, lon in (
        ("TJK-DYU", 38.543, 68.825),
        ("TJK-LBD", 40.215, 69.695),
        ("TJK-KQT", 37.866, 68.865),
        ("TJK-FOT", 40.260, 69.350),
        ("UZB-TAS", 41.258, 69.281),
        ("UZB-SKD", 39.700, 66.984),
        ("UZB-OYB", 40.270, 69.360),
        ("UZB-GSK", 41.050, 69.350),
        ("UZB-DST", 40.520, 72.670),
        ("KGZ-FRU", 43.061, 74.478),
        ("KGZ-OSS", 40.609, 72.793),
        ("KGZ-AKZ", 43.080, 73.970),
        ("KGZ-DOS", 40.520, 72.680),
        ("KAZ-ALA", 43.352, 77.040),
        ("KAZ-NQZ", 51.022, 71.467),
        ("KAZ-CIT", 42.364, 69.479),
        ("KAZ-ZHI", 41.170, 69.200),
        ("KAZ-KRD", 43.050, 74.720),
        ("KAZ-ZHN", 50.870, 58.700),
        ("RUS-DME", 55.409, 37.906),
        ("RUS-VKO", 55.596, 37.268),
        ("RUS-SVO", 55.973, 37.415),
        ("RUS-LED", 59.800, 30.262),
        ("RUS-KZN", 55.606, 49.279),
        ("RUS-SVX", 56.743, 60.803),
        ("RUS-OVB", 55.012, 82.651),
        ("RUS-MSH", 51.000, 58.600),
        ("RUS-YAR", 41.900, 48.450),
        ("AZE-GYD", 40.467, 50.047),
        ("AZE-SMR", 41.850, 48.520),
    )
}


def distance_km(a: PostPosition, b: PostPosition) -> float:
    """Great-circle distance between two posts (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def fastest_hours(from_post: str, to_post: str) -> float | None:
    """The least time anyone needs between two posts; None if a post's position is unknown."""
    a, b = POST_POSITIONS.get(from_post), POST_POSITIONS.get(to_post)
    if a is None or b is None:
        return None
    return distance_km(a, b) / FASTEST_KMH
