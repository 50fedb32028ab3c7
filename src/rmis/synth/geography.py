"""The routes travellers take between the region's states, over its border posts.

The posts themselves (state, kind, UTC offset, position) are the region's, in `rmis.model.posts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rmis.model.posts import BORDER_POSTS, BorderPost

AUTHORITIES: tuple[str, ...] = ("TJK", "RUS", "KAZ", "UZB", "KGZ", "AZE")


@dataclass(frozen=True, slots=True)
class Route:
    """A way from one state to another: exit post, entry post, usual minutes between them."""

    exit_post: BorderPost
    entry_post: BorderPost
    minutes: int
    weight: float


# (origin, destination): (exit post, entry post, minutes, weight); the way back is the reverse.
_ROUTES: dict[tuple[str, str], tuple[tuple[str, str, int, float], ...]] = {
    ("TJK", "RUS"): (
        ("TJK-DYU", "RUS-DME", 300, 30),
        ("TJK-DYU", "RUS-VKO", 300, 20),
        ("TJK-DYU", "RUS-SVO", 305, 10),
        ("TJK-LBD", "RUS-DME", 290, 10),
        ("TJK-LBD", "RUS-VKO", 290, 8),
        ("TJK-DYU", "RUS-SVX", 210, 6),
        ("TJK-DYU", "RUS-OVB", 240, 4),
        ("TJK-LBD", "RUS-KZN", 250, 4),
        ("TJK-DYU", "RUS-LED", 360, 5),
        ("TJK-KQT", "RUS-VKO", 310, 3),
    ),
    ("TJK", "KAZ"): (
        ("TJK-DYU", "KAZ-ALA", 100, 5),
        ("TJK-LBD", "KAZ-ALA", 90, 2),
        ("TJK-DYU", "KAZ-NQZ", 150, 1),
    ),
    ("TJK", "UZB"): (("TJK-FOT", "UZB-OYB", 60, 6), ("TJK-DYU", "UZB-TAS", 70, 2)),
    ("TJK", "KGZ"): (("TJK-DYU", "KGZ-FRU", 90, 1), ("TJK-LBD", "KGZ-OSS", 60, 1)),
    ("UZB", "RUS"): (
        ("UZB-TAS", "RUS-DME", 270, 25),
        ("UZB-TAS", "RUS-VKO", 270, 15),
        ("UZB-TAS", "RUS-SVO", 275, 10),
        ("UZB-SKD", "RUS-VKO", 290, 8),
        ("UZB-TAS", "RUS-SVX", 190, 6),
        ("UZB-TAS", "RUS-KZN", 230, 5),
        ("UZB-TAS", "RUS-LED", 340, 6),
        ("UZB-TAS", "RUS-OVB", 230, 3),
    ),
    ("UZB", "KAZ"): (("UZB-GSK", "KAZ-ZHI", 45, 10), ("UZB-TAS", "KAZ-ALA", 90, 3)),
    ("UZB", "KGZ"): (("UZB-DST", "KGZ-DOS", 40, 5), ("UZB-TAS", "KGZ-FRU", 80, 1)),
    ("UZB", "TJK"): (("UZB-OYB", "TJK-FOT", 60, 5), ("UZB-TAS", "TJK-DYU", 70, 1)),
    ("KGZ", "RUS"): (
        ("KGZ-FRU", "RUS-DME", 280, 20),
        ("KGZ-FRU", "RUS-VKO", 280, 10),
        ("KGZ-OSS", "RUS-VKO", 290, 10),
        ("KGZ-FRU", "RUS-SVX", 200, 5),
        ("KGZ-FRU", "RUS-OVB", 160, 5),
        ("KGZ-OSS", "RUS-DME", 290, 5),
    ),
    ("KGZ", "KAZ"): (("KGZ-AKZ", "KAZ-KRD", 40, 15), ("KGZ-FRU", "KAZ-NQZ", 110, 2)),
    ("KGZ", "UZB"): (("KGZ-DOS", "UZB-DST", 40, 5),),
    ("KAZ", "RUS"): (
        ("KAZ-ALA", "RUS-DME", 290, 8),
        ("KAZ-NQZ", "RUS-DME", 210, 6),
        ("KAZ-ZHN", "RUS-MSH", 50, 6),
    ),
    ("KAZ", "KGZ"): (("KAZ-KRD", "KGZ-AKZ", 40, 5),),
    ("KAZ", "UZB"): (("KAZ-ZHI", "UZB-GSK", 45, 5),),
    ("AZE", "RUS"): (
        ("AZE-GYD", "RUS-DME", 200, 10),
        ("AZE-GYD", "RUS-VKO", 200, 5),
        ("AZE-SMR", "RUS-YAR", 40, 8),
    ),
    ("AZE", "KAZ"): (("AZE-GYD", "KAZ-NQZ", 240, 1), ("AZE-GYD", "KAZ-ALA", 270, 1)),
}


def _build_routes() -> dict[tuple[str, str], tuple[tuple[Route, ...], tuple[float, ...]]]:
    out = {}
    for key, rows in _ROUTES.items():
        routes = tuple(Route(BORDER_POSTS[a], BORDER_POSTS[b], m, w) for a, b, m, w in rows)
        cumulative, total = [], 0.0
        for route in routes:
            total += route.weight
            cumulative.append(total)
        out[key] = (routes, tuple(cumulative))
    return out


ROUTES = _build_routes()


def list_destinations(origin: str) -> tuple[str, ...]:
    """The states reachable from `origin` by a known route."""
    return tuple(d for o, d in ROUTES if o == origin)
