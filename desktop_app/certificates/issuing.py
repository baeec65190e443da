"""Issuing: validate, take the next number, sign, snapshot and register one certificate — or show a
specimen of it first. One transaction; a number once handed out is never handed out again.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from sqlmodel import Session

from desktop_app.certificates import numbering, signing, templates
from desktop_app.certificates.content import (
    F,
    check_printable,
    clean_content,
    glyph_check,
    trust_resident_id_number,
    with_resident,
)
from desktop_app.certificates.models import Certificate, CertificateContent, CertificateRequest, RequestStatus
from desktop_app.certificates.permissions import ISSUE_CERTIFICATES, VIEW_CERTIFICATES
from desktop_app.certificates.requests import REQUEST_GONE, request_content
from desktop_app.certificates.template_settings import images_for, settings_for, station_for
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import to_local, utcnow
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import Station
from desktop_app.core.records import get_existing, get_scoped
from desktop_app.core.validation import mask_id_number

SNAPSHOT_VERSION = 1


def make_snapshot(values: dict, *, number: str, payload: str, issued_at: datetime, language: str, with_seal: bool,
              settings: TemplateSettings, station_name: str) -> dict:
    """Everything the renderer needs, frozen at issue time (the ID number only masked)."""
    issued_on = to_local(issued_at).date()
    return {
        "v": SNAPSHOT_VERSION,
        "number": number,
        "qr": payload,
        "kind": values["kind"],
        "language": language,
        "recipient_name": values["recipient_name"],
        "id_masked": mask_id_number(values["id_number"]),
        "organisation": values["organisation"],
        "period_start": values["period_start"],
        "period_end": values["period_end"],
        "hours": values["hours"],
        "service_content": values["service_content"],
        "title": values["title"],
        "body": values["body"],
        "issuer": settings.issuer or station_name,
        "signatory": settings.signatory,
        "issued_on": issued_on.isoformat(),
        "issued_at": issued_at.isoformat(),
        "with_seal": with_seal,
        "template": {k: getattr(settings, k) for k in ("logo", "seal", "colour", "accent", "page_size", "orientation")},
    }


def issue_certificate(
    s: Session,
    *,
    actor: Actor,
    content: CertificateContent | None = None,
    request_id: int | None = None,
    with_seal: bool = False,
    language: str | None = None,
    now: datetime | None = None,
) -> Certificate:
    """Issue one certificate: validate, take the next number, sign, snapshot, register. One transaction."""
    require(actor, ISSUE_CERTIFICATES)
    station_id = station_for(s, actor)
    req = None
    if request_id is not None:
        # Locked: two desks issuing the same request at once give one certificate, not two (PostgreSQL).
        req = get_scoped(s, CertificateRequest, request_id, actor=actor, gone=REQUEST_GONE, for_update=True)
        if req.station_id is not None:  # a sub-district administrator issues in the requesting station's name
            station_id = req.station_id
        if req.status != RequestStatus.PENDING:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "This request was already issued or cancelled."), existing_id=req.certificate_id
            )
        if content is None:
            content = request_content(req)
    if content is None:
        raise ValidationError(F["request"], QT_TRANSLATE_NOOP("Errors", "give the certificate's content or choose a request."))
    settings = settings_for(s, station_id)
    language = language or settings.language or "zh"
    if language not in templates.LANGUAGES:
        raise ValidationError(F["language"], QT_TRANSLATE_NOOP("Errors", "choose Chinese or English."))
    values = with_resident(s, clean_content(trust_resident_id_number(s, content, actor)), actor)
    station = get_existing(s, Station, station_id)
    now = now or utcnow()
    year = to_local(now).year
    serial = numbering.next_serial(s, station_id=station_id, year=year)
    number = numbering.format_number(station.code or "SQK", year, serial)
    snap = make_snapshot(values, number=number, payload="", issued_at=now, language=language,
                     with_seal=with_seal, settings=settings, station_name=station.name)
    # The QR code: the printed content and an Ed25519 signature over it (certificates.signing).
    key_id, private = signing.signing_key(s, actor=actor, station_id=station_id)
    snap["qr"], full_signature = signing.sign(private, key_id, signing.signed_fields(snap))
    snap["key_id"] = key_id
    signature = hashlib.sha256(full_signature.encode("ascii")).hexdigest()
    glyph_check(templates.SETTING_LABELS["issuer"], snap["issuer"])
    cert = Certificate(
        station_id=station_id,
        number=number,
        year=year,
        serial=serial,
        kind=values["kind"],
        language=language,
        recipient_name=values["recipient_name"],
        resident_id=values["resident_id"],
        id_number=values["id_number"],
        content_json=json.dumps(snap, ensure_ascii=False, sort_keys=True),
        with_seal=with_seal,
        signature=signature,
        key_id=key_id,
        issued_at=now,
        issued_by_id=actor.id,
        issued_by_name=actor.username,
        request_id=req.id if req else None,
        period_end=date.fromisoformat(values["period_end"]) if values["period_end"] else None,
    )
    s.add(cert)
    s.flush()
    if req is not None:
        req.status = RequestStatus.ISSUED
        req.certificate_id = cert.id
        req.id_number = ""  # the register keeps it (until the record is entered nationally); the queue no longer
        s.add(req)
    audit.record(s, actor=actor, action="issue", entity="certificate", entity_id=cert.id,
                 after={"number": number, "request_id": cert.request_id, **{k: v for k, v in snap.items() if k != "qr"}},
                 subject=f"resident:{values['resident_id']}" if values["resident_id"] else f"certificate:{cert.id}")
    return cert


def preview_content(s: Session, *, actor: Actor, content: CertificateContent, with_seal: bool = False,
                    language: str | None = None) -> bytes:
    """A specimen PDF of content not yet issued (number SPECIMEN, watermarked), for the issue dialog."""
    from desktop_app.certificates import pdf

    require(actor, VIEW_CERTIFICATES)
    station_id = station_for(s, actor)
    settings = settings_for(s, station_id)
    values = clean_content(content)
    station = get_existing(s, Station, station_id)
    snap = make_snapshot(values, number=f"{station.code}-{to_local(utcnow()).year}-000000-0", payload="SDC1:SPECIMEN",
                     issued_at=utcnow(), language=language or settings.language, with_seal=with_seal, settings=settings,
                     station_name=station.name)
    check_printable(snap)
    return pdf.render([snap], images=images_for(s, [snap]), specimen=True)
