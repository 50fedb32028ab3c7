"""Where the region's border posts are, to tell when one document is in two places at once."""

from __future__ import annotations

import math

from rmis.model.posts import BORDER_POSTS, BorderPost

FASTEST_KMH = 1_000.0
"""No traveller covers ground faster than an airliner; faster means two documents, not one."""
EARTH_RADIUS_KM = 6_371.0


def distance_km(a: BorderPost, b: BorderPost) -> float:
    """Great-circle distance between two posts (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def fastest_hours(from_post: str, to_post: str) -> float | None:
    """The least time anyone needs between two posts; None if a post's position is unknown."""
    a, b = BORDER_POSTS.get(from_post), BORDER_POSTS.get(to_post)
    if a is None or b is None:
        return None
    return distance_km(a, b) / FASTEST_KMH
