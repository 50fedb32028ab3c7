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
ALL_ROUTERS = (*ROUTERS, users.router, border.router, screening.router, links.router)

__all__ = ["ALL_ROUTERS"]
