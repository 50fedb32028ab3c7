"""One router per capability."""

from rmis.api.routers import crossings, health, persons, quarantine, stats, users

ROUTERS = (health.router, crossings.router, persons.router, quarantine.router, stats.router)
ALL_ROUTERS = (*ROUTERS, users.router)

__all__ = ["ALL_ROUTERS"]
