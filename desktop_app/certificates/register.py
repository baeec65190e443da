"""The register: issued certificates listed and looked up, their print log, prints and reprints,
revocation, the PDF of one entry, and what the page warns about (not entered, not issued, not printed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.certificates.content import F, check_printable
from desktop_app.certificates.models import (
    Certificate,
    CertificateKind,
    CertificatePrint,
    CertificateRequest,
    CertificateStatus,
    PrintKind,
    RequestStatus,
)
from desktop_app.certificates.permissions import PRINT_CERTIFICATES, REVOKE_CERTIFICATES, VIEW_CERTIFICATES
from desktop_app.certificates.template_settings import images_for
from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import to_local, utcnow
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import check_version, get_scoped, pk
from desktop_app.core.validation import clean_text


@dataclass(frozen=True)
class CertificateRow:
    id: int
    number: str
    kind: str
    recipient_name: str
    issued_at: datetime
    issued_by: str
    status: str
    print_count: int
    hours: float | None
    with_seal: bool
    language: str
    entered: bool  # service records: entered in the national volunteer system
    version: int  # passed back when revoking (a certificate changed since is not revoked unseen)


def _row(c: Certificate) -> CertificateRow:
    snap = json.loads(c.content_json)
    return CertificateRow(pk(c.id), c.number, c.kind, c.recipient_name, c.issued_at, c.issued_by_name, c.status,
                          c.print_count, snap.get("hours"), c.with_seal, c.language, c.entered_at is not None, c.version)


@dataclass(frozen=True)
class RegisterFilter:
    kind: str = ""
    status: str = ""
    text: str = ""  # number (or part of it) or name


def list_certificates(
    s: Session, *, actor: Actor, after: int | None = None, limit: int = 200, flt: RegisterFilter = RegisterFilter()
) -> list[CertificateRow]:
    """Newest first, keyset-paged on id (``after`` is the last id of the previous page)."""
    require(actor, VIEW_CERTIFICATES)
    q = station_scope(select(Certificate), Certificate.station_id, actor)
    if flt.kind:
        q = q.where(Certificate.kind == flt.kind)
    if flt.status:
        q = q.where(Certificate.status == flt.status)
    if flt.text.strip():
        t = flt.text.strip()
        q = q.where((col(Certificate.number).contains(t.upper())) | (col(Certificate.recipient_name).contains(t)))
    if after is not None:
        q = q.where(col(Certificate.id) < after)
    return [_row(c) for c in s.exec(q.order_by(col(Certificate.id).desc()).limit(limit))]


CERTIFICATE_GONE = QT_TRANSLATE_NOOP("Errors", "That certificate is not in this station's register.")


def get_certificate(s: Session, *, actor: Actor, certificate_id: int, for_update: bool = False) -> Certificate:
    require(actor, VIEW_CERTIFICATES)
    return get_scoped(s, Certificate, certificate_id, actor=actor, gone=CERTIFICATE_GONE, for_update=for_update)


def snapshot_of(cert: Certificate) -> dict:
    return json.loads(cert.content_json)


def print_log(s: Session, *, actor: Actor, certificate_id: int) -> list[CertificatePrint]:
    get_certificate(s, actor=actor, certificate_id=certificate_id)
    return list(s.exec(select(CertificatePrint).where(CertificatePrint.certificate_id == certificate_id).order_by(col(CertificatePrint.id))))


@dataclass(frozen=True)
class PrintEntry:
    at: datetime
    how: PrintKind
    actor_name: str
    copies: int
    reason: str


@dataclass(frozen=True)
class CertificateDetails:
    """One register entry as the page shows it (no full ID number): the row, revocation, paper, print log."""

    row: CertificateRow
    revoked_at: datetime | None
    revoked_by: str
    revoke_reason: str
    page_size: str  # A4 | A5, as issued
    orientation: str  # landscape | portrait, as issued
    prints: list[PrintEntry]


def certificate_details(s: Session, *, actor: Actor, certificate_id: int) -> CertificateDetails:
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id)
    template = snapshot_of(cert)["template"]
    prints = [PrintEntry(p.at, PrintKind(p.how), p.actor_name, p.copies, p.reason)
              for p in print_log(s, actor=actor, certificate_id=certificate_id)]
    return CertificateDetails(_row(cert), cert.revoked_at, cert.revoked_by, cert.revoke_reason,
                              template.get("page_size", "A4"), template.get("orientation", "landscape"), prints)


def prepare_output(
    s: Session, *, actor: Actor, certificate_id: int, how: str = PrintKind.PRINT, copies: int = 1, reason: str = "",
    for_update: bool = False,
) -> tuple[Certificate, PrintKind, str]:
    """Check a print / reprint / PDF may happen (before the print dialog); returns (certificate, kind, reason)."""
    require(actor, PRINT_CERTIFICATES)
    # Locked when logging: two desks printing at once count two prints (PostgreSQL; SQLite writes one at a time).
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id, for_update=for_update)
    if cert.status == CertificateStatus.REVOKED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Certificate {number} was revoked; it cannot be printed again."), number=cert.number)
    if not isinstance(copies, int) or not (1 <= copies <= 50):
        raise ValidationError(F["copies"], QT_TRANSLATE_NOOP("Errors", "must be between 1 and 50."))
    reason = clean_text(reason, F["reason"], max_len=500, multiline=False)
    if how not in (PrintKind.PRINT, PrintKind.PDF):
        raise ValueError(how)
    kind = PrintKind.REPRINT if how == PrintKind.PRINT and cert.print_count > 0 else PrintKind(how)
    if kind == PrintKind.REPRINT and not reason:
        raise ValidationError(
            F["reason"], QT_TRANSLATE_NOOP("Errors", "is required for a reprint (e.g. the first copy was lost or damaged).")
        )
    return cert, kind, reason


def record_output(
    s: Session, *, actor: Actor, certificate_id: int, how: str = PrintKind.PRINT, copies: int = 1, reason: str = ""
) -> CertificatePrint:
    """Log that a certificate was printed or saved as PDF. After the first print, a reason is required."""
    cert, kind, reason = prepare_output(s, actor=actor, certificate_id=certificate_id, how=how, copies=copies, reason=reason,
                                        for_update=True)
    entry = CertificatePrint(certificate_id=pk(cert.id), actor_id=actor.id, actor_name=actor.username, how=kind, copies=copies, reason=reason)
    s.add(entry)
    if kind in (PrintKind.PRINT, PrintKind.REPRINT):
        cert.print_count += 1
    s.add(cert)
    s.flush()
    audit.record(s, actor=actor, action=kind, entity="certificate", entity_id=cert.id,
                 after={"number": cert.number, "copies": copies, "reason": reason})
    return entry


def revoke_certificate(s: Session, *, actor: Actor, certificate_id: int, reason: str,
                       expected_version: int | None = None) -> Certificate:
    """Revoke for good (kept in the register, shown as revoked when verified). ``expected_version``: the
    version the person looked at; a certificate changed since (e.g. marked as entered in the national
    system on another computer) is refused with StaleEdit, so they see the change first.

    Not ``audited_update``: its before/after copies of the whole row would put the full ID number into
    the append-only audit log; the entry below names what changed and nothing more."""
    require(actor, REVOKE_CERTIFICATES)
    reason = clean_text(reason, F["reason"], max_len=500, required=True)
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id, for_update=True)
    if cert.status == CertificateStatus.REVOKED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Certificate {number} is already revoked."), number=cert.number)
    check_version(s, cert, expected_version, entity="certificate")
    cert.status = CertificateStatus.REVOKED
    cert.revoked_at = utcnow()
    cert.revoked_by = actor.username
    cert.revoke_reason = reason
    cert.version += 1
    s.add(cert)
    s.flush()
    audit.record(s, actor=actor, action="revoke", entity="certificate", entity_id=cert.id,
                 before={"status": CertificateStatus.VALID}, after={"status": CertificateStatus.REVOKED, "reason": reason, "number": cert.number})
    return cert


def render_certificate(s: Session, *, actor: Actor, certificate_id: int) -> bytes:
    """The PDF of one register entry: the same text and drawing every time (fixed dates, invariant mode)."""
    from desktop_app.certificates import pdf

    require(actor, VIEW_CERTIFICATES)
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id)
    snap = snapshot_of(cert)
    check_printable(snap)
    return pdf.render([snap], images=images_for(s, [snap]), revoked={0} if cert.status == CertificateStatus.REVOKED else set())


ENTRY_WARNING_WORKDAYS = 7


@dataclass(frozen=True)
class CertificateWarning:
    code: str  # "not_entered" | "not_issued" | "not_printed"
    count: int
    message: str  # QT_TRANSLATE_NOOP("Certificates", ...) with {n}
    oldest: str = ""


def warnings(s: Session, *, actor: Actor, today: date | None = None) -> list[CertificateWarning]:
    """Service records not entered within 7 working days; requests not issued; certificates never printed."""
    from desktop_app.core.workdays import WorkCalendar

    require(actor, VIEW_CERTIFICATES)
    today = today or date.today()
    cal = WorkCalendar.load(s)
    out: list[CertificateWarning] = []

    limit = cal.last_day_more_than(ENTRY_WARNING_WORKDAYS, today)

    def overdue(day: date | None) -> bool:
        return day is not None and day <= limit

    # Service records (requested or issued) whose service ended more than 7 working days ago and that
    # are not yet marked as entered into the national system (the 2020 measures allow 10).
    # Two dates a row, not whole records with their snapshots (issue 21: 1,000 certificates read in full at
    # every visit of the page).
    late: list[date] = []
    R, C = CertificateRequest, Certificate
    for period_end, requested_at in s.exec(station_scope(select(R.period_end, R.requested_at), R.station_id, actor).where(
        R.status == RequestStatus.PENDING, R.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE,
    )):
        day = period_end or to_local(requested_at).date()
        if overdue(day):
            late.append(day)
    for period_end, issued_at in s.exec(station_scope(select(C.period_end, C.issued_at), C.station_id, actor).where(
        C.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE, col(C.entered_at).is_(None), C.status == CertificateStatus.VALID,
    )):
        day = period_end or to_local(issued_at).date()
        if overdue(day):
            late.append(day)
    if late:
        out.append(CertificateWarning("not_entered", len(late), QT_TRANSLATE_NOOP(
            "Certificates", "{n} service record(s) ended more than 7 working days ago and are not yet entered in the national volunteer system (10 working days are allowed)."),
            min(late).isoformat()))
    pending = s.exec(station_scope(select(func.count()).select_from(CertificateRequest), CertificateRequest.station_id, actor)
                     .where(CertificateRequest.status == RequestStatus.PENDING)).one()
    if pending:
        out.append(CertificateWarning("not_issued", pending, QT_TRANSLATE_NOOP("Certificates", "{n} certificate request(s) are waiting to be issued.")))
    unprinted = s.exec(station_scope(select(func.count()).select_from(Certificate), Certificate.station_id, actor)
                       .where(Certificate.status == CertificateStatus.VALID, Certificate.print_count == 0)).one()
    if unprinted:
        out.append(CertificateWarning("not_printed", unprinted, QT_TRANSLATE_NOOP("Certificates", "{n} issued certificate(s) have not been printed yet.")))
    return out
