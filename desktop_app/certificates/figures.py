"""Certificates as read-only counts for the home page and the reports (Qt-free).

Counted inside certificates in grouped queries. Every count is limited to the station
``counted_station`` gives for the actor (staff: their own; a sub-district administrator: the one asked
for, or all). Periods are half-open (``core.periods.Period``). The callers (dashboard, reports) check
their own permission.

Definitions: issued in the period by the local day of issue, revoked ones counted with their kind and
separately; waiting = requests not yet issued, and certificates issued but never printed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from desktop_app.certificates.models import (
    Certificate,
    CertificateKind,
    CertificateRequest,
    CertificateStatus,
    RequestStatus,
)
from desktop_app.core.auth import Actor
from desktop_app.core.db.scoping import counted_station, scope_to
from desktop_app.core.periods import Period


@dataclass(frozen=True)
class CertificatesWaiting:
    requests: int  # requested, not yet issued
    unprinted: int  # issued, never printed


@dataclass(frozen=True)
class CertificateFigures:
    issued: int
    by_kind: list[tuple[str, int]]  # (kind code, count), valid and revoked together, in the order of CertificateKind
    revoked: int
    pending_requests: int


def _pending(s: Session, station: int | None) -> int:
    Q = CertificateRequest
    q = select(func.count()).select_from(Q).where(Q.status == RequestStatus.PENDING)
    return int(s.exec(scope_to(q, Q.station_id, station)).one())


def pending_requests(s: Session, *, actor: Actor, source: str) -> int:
    """Requests a feature queued (``source``: "passports" for honours) still waiting to be issued."""
    Q = CertificateRequest
    q = select(func.count()).select_from(Q).where(Q.status == RequestStatus.PENDING, Q.source == source)
    return int(s.exec(scope_to(q, Q.station_id, counted_station(s, actor))).one())


def waiting(s: Session, *, actor: Actor, station_id: int | None = None) -> CertificatesWaiting:
    """Requests waiting to be issued and valid certificates never printed."""
    station = counted_station(s, actor, station_id)
    C = Certificate
    uq = select(func.count()).select_from(C).where(C.status == CertificateStatus.VALID, C.print_count == 0)
    return CertificatesWaiting(_pending(s, station), int(s.exec(scope_to(uq, C.station_id, station)).one()))


def period_figures(s: Session, *, actor: Actor, period: Period, station_id: int | None = None) -> CertificateFigures:
    """Certificates issued in ``period`` by kind, those of them revoked, and requests waiting now."""
    station = counted_station(s, actor, station_id)
    C = Certificate
    lo, hi = period.utc_bounds()
    q = select(C.kind, C.status, func.count()).where(C.issued_at >= lo, C.issued_at < hi)
    by_kind: dict[str, int] = defaultdict(int)
    revoked = 0
    for kind, status, n in s.exec(scope_to(q, C.station_id, station).group_by(C.kind, C.status)):
        by_kind[kind] += int(n)
        if status == CertificateStatus.REVOKED:
            revoked += int(n)
    ordered = [(k, by_kind[k]) for k in CertificateKind if by_kind.get(k)] + [(k, n) for k, n in by_kind.items() if k not in set(CertificateKind)]
    return CertificateFigures(sum(by_kind.values()), ordered, revoked, _pending(s, station))
