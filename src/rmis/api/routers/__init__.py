"""One router per capability."""

from rmis.api.routers import (
    border,
    crossings,
    health,
    links,
    persons,
    quarantine,
    screening,
    stats,
    users,
)

ROUTERS = (health.router, crossings.router, persons.router, quarantine.router, stats.router)
# the border check first: a post's requests are the busiest, and routes are tried in order
ALL_ROUTERS = (border.router, *ROUTERS, users.router, screening.router, links.router)

__all__ = ["ALL_ROUTERS"]
