"""Requests: certificates other features and the desk ask for, queued until a coordinator issues them.

Other features hand their content in through ``request_certificate`` (idempotent on ``(source,
source_ref)``); certificates never import them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from desktop_app.certificates.content import (
    F,
    clean_content,
    content_from_clean,
    trust_resident_id_number,
    with_resident,
)
from desktop_app.certificates.models import (
    CertificateContent,
    CertificateKind,
    CertificateRequest,
    RequestStatus,
)
from desktop_app.certificates.permissions import (
    ISSUE_CERTIFICATES,
    QUEUE_HONOURS,
    REQUEST_CERTIFICATES,
    VIEW_CERTIFICATES,
)
from desktop_app.certificates.template_settings import station_for
from desktop_app.core import audit
from desktop_app.core import pdf as core_pdf
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import get_scoped
from desktop_app.core.validation import clean_text, mask_id_number

REQUEST_GONE = QT_TRANSLATE_NOOP("Errors", "That certificate request no longer exists.")


def request_certificate(s: Session, *, actor: Actor, content: CertificateContent) -> CertificateRequest:
    """Queue a certificate to be issued at the desk. The same (source, source_ref) gives the same request."""
    require(actor, REQUEST_CERTIFICATES)
    return _queue(s, actor=actor, content=content)


def _queue(s: Session, *, actor: Actor, content: CertificateContent) -> CertificateRequest:
    """The request, once the caller checked the permission."""
    station_id = station_for(s, actor)
    # Rare characters are accepted into the queue (the queue shows the problem); issuing refuses them.
    values = with_resident(s, clean_content(trust_resident_id_number(s, content, actor), check_glyphs=False), actor)
    ref = values["source_ref"] or None
    if ref is not None:
        existing = s.exec(
            select(CertificateRequest).where(
                CertificateRequest.station_id == station_id,
                CertificateRequest.source == values["source"],
                CertificateRequest.source_ref == ref,
            )
        ).first()
        if existing is not None:
            return existing
    req = CertificateRequest(
        station_id=station_id,
        kind=values["kind"],
        recipient_name=values["recipient_name"],
        resident_id=values["resident_id"],
        id_number=values["id_number"],
        content_json=json.dumps({**values, "id_number": ""}, ensure_ascii=False, sort_keys=True),
        source=values["source"],
        source_ref=ref,
        period_end=date.fromisoformat(values["period_end"]) if values["period_end"] else None,
        requested_by=actor.username,
    )
    s.add(req)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="certificate_request", entity_id=req.id,
                 after={**values, "id_number": mask_id_number(values["id_number"])})
    return req


def request_honour_certificate(s: Session, *, actor: Actor, resident_id: int, title: str, source: str,
                               source_ref: str) -> int:
    """Queue the honour certificate of a level a resident reached (passports, also from the kiosk's scan).
    Any signed-in role may queue one for its station's resident; only the request's id comes back — never the
    request itself, which holds the resident's full ID number."""
    require(actor, QUEUE_HONOURS)
    from desktop_app.certificates.content import _resident

    resident = _resident(s, resident_id, actor)
    if resident is None:
        raise ValidationError(F["recipient_name"], QT_TRANSLATE_NOOP("Errors", "the chosen resident no longer exists; choose again."))
    content = CertificateContent(kind=CertificateKind.HONOUR_CERTIFICATE, resident_id=resident_id,
                                 recipient_name=resident.name, title=title, source=source, source_ref=source_ref)
    req = _queue(s, actor=actor, content=content)
    assert req.id is not None
    return req.id


def request_content(req: CertificateRequest) -> CertificateContent:
    values = json.loads(req.content_json)
    values["id_number"] = req.id_number
    return content_from_clean(values)


@dataclass(frozen=True)
class RequestRow:
    id: int
    kind: str
    recipient_name: str
    source: str
    requested_at: datetime
    requested_by: str
    period_end: date | None
    hours: float | None
    problem: str  # characters no font can print, shown in the queue before anyone tries to issue


def list_requests(s: Session, *, actor: Actor, status: str = RequestStatus.PENDING, limit: int = 500) -> list[RequestRow]:
    require(actor, VIEW_CERTIFICATES)
    rows = s.exec(
        station_scope(select(CertificateRequest), CertificateRequest.station_id, actor)
        .where(CertificateRequest.status == status)
        .order_by(CertificateRequest.id)
        .limit(limit)
    ).all()
    out = []
    for r in rows:
        values = json.loads(r.content_json)
        text = "".join(str(values.get(k) or "") for k in ("recipient_name", "organisation", "service_content", "title", "body"))
        missing = core_pdf.missing_glyphs(text)
        out.append(RequestRow(r.id, r.kind, r.recipient_name, r.source, r.requested_at, r.requested_by, r.period_end,
                              values.get("hours"), "".join(missing)))
    return out


def cancel_request(s: Session, *, actor: Actor, request_id: int, reason: str) -> None:
    require(actor, ISSUE_CERTIFICATES)
    reason = clean_text(reason, F["reason"], max_len=500, required=True)
    req = get_scoped(s, CertificateRequest, request_id, actor=actor, gone=REQUEST_GONE, for_update=True)
    if req.status != RequestStatus.PENDING:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This request was already issued or cancelled."))
    req.status = RequestStatus.CANCELLED
    s.add(req)
    audit.record(s, actor=actor, action="cancel", entity="certificate_request", entity_id=req.id, after={"reason": reason})
