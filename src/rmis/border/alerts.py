"""Lost, stolen and revoked travel documents, after INTERPOL's SLTD records.

An alert names the document (number, issuing state, type), its status, the authority that
reported it and the date. Clearing an alert keeps it, with who cleared it and why, so a wrong
report can be contested and its history read. Repository functions never commit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import uuid6
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, select

from rmis.access import authorize, record_access
from rmis.errors import Conflict, NotFound
from rmis.model import Permission, Principal
from rmis.model.crossing import CountryCode
from rmis.registry.border_tables import document_alerts


class AlertStatus(StrEnum):
    """SLTD's statuses of a reported document."""

    STOLEN_BLANK = "stolen-blank"
    LOST = "lost"
    STOLEN = "stolen"
    REVOKED = "revoked"


class AlertReport(BaseModel):
    """A report of a lost, stolen or revoked document (the body of `POST /v1/document-alerts`)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    issuing_state: CountryCode
    document_type: str = Field("P", pattern=r"^[A-Z][A-Z<]?$")
    number: str = Field(min_length=1, max_length=32)
    status: AlertStatus
    reporting_authority: CountryCode
    reported_on: dt.date
    source: str = Field("national", max_length=40)
    note: str = ""


def document_number_key(number: str) -> str:
    """The number as stored and matched: capitals, no spaces, fillers or dashes."""
    return "".join(ch for ch in number.upper() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class DocumentAlert:
    """A stored alert; `cleared_at` set once it no longer stands."""

    id: str
    report: AlertReport
    created_at: dt.datetime
    created_by: str
    cleared_at: dt.datetime | None
    cleared_by: str
    clear_reason: str

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.report.model_dump(mode="json"),
            "active": self.cleared_at is None,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "cleared_at": self.cleared_at.isoformat() if self.cleared_at else None,
            "cleared_by": self.cleared_by,
            "clear_reason": self.clear_reason,
        }


def _utc(at: dt.datetime | None) -> dt.datetime | None:
    return at.replace(tzinfo=dt.UTC) if at is not None and at.tzinfo is None else at


def alert_of(row: Any) -> DocumentAlert:
    """An alert from a stored row (any row with the table's columns as attributes)."""
    report = AlertReport(
        issuing_state=row.issuing_state,
        document_type=row.document_type,
        number=row.number,
        status=AlertStatus(row.status),
        reporting_authority=row.reporting_authority,
        reported_on=row.reported_on,
        source=row.source,
        note=row.note,
    )
    created = _utc(row.created_at)
    assert created is not None
    return DocumentAlert(
        row.id, report, created, row.created_by, _utc(row.cleared_at), row.cleared_by,
        row.clear_reason,
    )  # fmt: skip


def find_alerts(
    conn: Connection, number: str, issuing_state: str | None = None, active: bool = True
) -> list[DocumentAlert]:
    """Alerts on a document number (of one issuing state if given), newest report first."""
    query = select(document_alerts).where(document_alerts.c.number == document_number_key(number))
    if issuing_state:
        query = query.where(document_alerts.c.issuing_state == issuing_state)
    if active:
        query = query.where(document_alerts.c.cleared_at.is_(None))
    rows = conn.execute(query.order_by(document_alerts.c.reported_on.desc()))
    return [alert_of(row) for row in rows]


def insert_alert(conn: Connection, report: AlertReport, user: str) -> tuple[DocumentAlert, bool]:
    """Store a report; the same active report again is not stored twice. (alert, created)."""
    key = document_number_key(report.number)
    for alert in find_alerts(conn, key, report.issuing_state):
        if alert.report.status == report.status:
            return alert, False
    report = report.model_copy(update={"number": key})
    values = {**report.model_dump(), "status": report.status.value}
    row = {
        **values,
        "id": str(uuid6.uuid7()),
        "created_at": dt.datetime.now(dt.UTC),
        "created_by": user,
        "cleared_at": None,
        "cleared_by": "",
        "clear_reason": "",
    }
    conn.execute(document_alerts.insert().values(**row))
    return get_alert(conn, row["id"]), True


def get_alert(conn: Connection, alert_id: str) -> DocumentAlert:
    row = conn.execute(select(document_alerts).where(document_alerts.c.id == alert_id)).first()
    if row is None:
        raise NotFound(f"no document alert {alert_id!r}")
    return alert_of(row)


def list_alerts(
    conn: Connection, active: bool = True, limit: int = 100, offset: int = 0
) -> list[DocumentAlert]:
    """Alerts, newest report first; only the standing ones unless `active` is False."""
    query = select(document_alerts)
    if active:
        query = query.where(document_alerts.c.cleared_at.is_(None))
    query = query.order_by(document_alerts.c.reported_on.desc(), document_alerts.c.id.desc())
    return [alert_of(row) for row in conn.execute(query.limit(limit).offset(offset))]


def clear_alert_row(conn: Connection, alert_id: str, user: str, reason: str) -> DocumentAlert:
    """Mark an alert cleared (the document was found, or the report was wrong)."""
    alert = get_alert(conn, alert_id)
    if alert.cleared_at is not None:
        raise Conflict(f"document alert {alert_id} was already cleared at {alert.cleared_at}")
    conn.execute(
        document_alerts.update()
        .where(document_alerts.c.id == alert_id)
        .values(cleared_at=dt.datetime.now(dt.UTC), cleared_by=user, clear_reason=reason)
    )
    return get_alert(conn, alert_id)


def report_alerts(
    conn: Connection, principal: Principal, reports: list[AlertReport]
) -> list[tuple[DocumentAlert, bool]]:
    """Store reports of lost, stolen or revoked documents (audited); repeats are kept once."""
    authorize(principal, Permission.DOCUMENT_ALERTS_MANAGE)
    out = [insert_alert(conn, report, principal.user) for report in reports]
    created = [alert.id for alert, new in out if new]
    record_access(conn, principal, "document_alert.report", "document-alerts", {
        "reports": len(reports), "created": len(created), "ids": created[:100],
    })  # fmt: skip
    return out


def clear_alert(
    conn: Connection, principal: Principal, alert_id: str, reason: str
) -> DocumentAlert:
    """Clear one alert, keeping its history (audited)."""
    authorize(principal, Permission.DOCUMENT_ALERTS_MANAGE)
    alert = clear_alert_row(conn, alert_id, principal.user, reason)
    record_access(conn, principal, "document_alert.clear", f"document-alert:{alert_id}", {
        "reason": reason,
    })  # fmt: skip
    return alert
