"""Certificate use cases: request, issue, register, print log, reprint, revoke, verify, batch, export.

Other features hand their content in through ``request_certificate`` (a queue, idempotent on
``(source, source_ref)``) or ``issue_certificate`` directly; certificates never import them. The kiosk
and the desk check a scanned QR code or a typed number with ``verify_payload`` — offline, against
the register and the station's HMAC key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from desktop_app.certificates import numbering, templates
from desktop_app.certificates.models import (
    KINDS,
    REQUEST_CANCELLED,
    REQUEST_ISSUED,
    REQUEST_PENDING,
    STATUS_REVOKED,
    STATUS_VALID,
    Certificate,
    CertificateImage,
    CertificatePrint,
    CertificateRequest,
)
from desktop_app.certificates.permissions import VIEW_CERTIFICATES  # noqa: E402  (shared with feature.py)
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.core import audit
from desktop_app.core import pdf as core_pdf
from desktop_app.core.auth import ALL_ROLES, STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import to_local, utcnow
from desktop_app.core.db import in_station, station_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import Station, StationSetting
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import (
    clean_date,
    clean_id_number,
    clean_name,
    clean_text,
    mask_id_number,
    mask_name,
)

REQUEST_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "request certificates"), ALL_ROLES)
ISSUE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "issue certificates"), {Role.ADMIN, Role.COORDINATOR})
PRINT_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "print and reprint certificates"), STAFF)
REVOKE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "revoke certificates"), {Role.ADMIN, Role.COORDINATOR})
EXPORT_CERTIFICATES = Permission(
    QT_TRANSLATE_NOOP("Permissions", "export service records for the national volunteer system"), {Role.ADMIN, Role.COORDINATOR}
)
CONFIGURE_CERTIFICATES = Permission(QT_TRANSLATE_NOOP("Permissions", "change certificate templates"), {Role.ADMIN})

F = {
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind of certificate"),
    "recipient_name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "id_number": QT_TRANSLATE_NOOP("Fields", "ID number"),
    "organisation": QT_TRANSLATE_NOOP("Fields", "Organisation"),
    "period_start": QT_TRANSLATE_NOOP("Fields", "Service from"),
    "period_end": QT_TRANSLATE_NOOP("Fields", "Service until"),
    "hours": QT_TRANSLATE_NOOP("Fields", "Service hours"),
    "service_content": QT_TRANSLATE_NOOP("Fields", "Service content"),
    "title": QT_TRANSLATE_NOOP("Fields", "Honour title"),
    "body": QT_TRANSLATE_NOOP("Fields", "Text"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "language": QT_TRANSLATE_NOOP("Fields", "Language"),
    "request": QT_TRANSLATE_NOOP("Fields", "Request"),
    "copies": QT_TRANSLATE_NOOP("Fields", "Copies"),
    "image": QT_TRANSLATE_NOOP("Fields", "Image"),
}
MAX_HOURS = 10000
ENTRY_WARNING_WORKDAYS = 7
PAYLOAD_PREFIX = "SDC1"
HMAC_KEY_SETTING = "certificates.hmac_key"
SNAPSHOT_VERSION = 1


# --- content ------------------------------------------------------------------------------------


@dataclass
class CertificateContent:
    """What a certificate says. Rosters and passports build these; the desk fills one in a dialog."""

    kind: str  # "service_record" | "honour" | "thank_you"
    recipient_name: str
    resident_id: int | None = None
    id_number: str = ""
    organisation: str = ""
    period_start: date | None = None
    period_end: date | None = None
    hours: float | None = None
    service_content: str = ""
    title: str = ""
    body: str = ""
    source: str = ""
    source_ref: str = ""

    @classmethod
    def from_dict(cls, data: dict, kind: str = "service_record") -> CertificateContent:
        """From a row of the ``service_record_sources`` hook (unknown keys ignored)."""
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        if "name" in data and "recipient_name" not in values:
            values["recipient_name"] = data["name"]
        values.setdefault("kind", kind)
        for key in ("period_start", "period_end"):
            if isinstance(values.get(key), str) and values[key]:
                values[key] = date.fromisoformat(values[key])
        return cls(**values)


def _glyph_check(field: str, value: str) -> None:
    missing = core_pdf.missing_glyphs(value)
    if missing:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "Errors",
                "contains {chars} ({codes}), which no installed font can print — it would come out as an empty box. "
                "Put a font that has it (e.g. HanaMinB.ttf for rare characters) into the fonts folder, or ask the person how to write it.",
            ),
            chars="".join(missing),
            codes=", ".join(f"U+{ord(c):04X}" for c in missing),
        )


def clean_content(content: CertificateContent, *, today: date | None = None, check_glyphs: bool = True) -> dict:
    """Validated, normalised content as a plain dict (the printed part of the snapshot is built from it)."""
    today = today or date.today()
    if content.kind not in KINDS:
        raise ValidationError(F["kind"], QT_TRANSLATE_NOOP("Errors", "choose service record, honour certificate or thank-you letter."))
    name = clean_name(content.recipient_name, F["recipient_name"])
    id_number = clean_id_number(content.id_number, F["id_number"])
    organisation = clean_text(content.organisation, F["organisation"], max_len=60, multiline=False)
    service_content = clean_text(content.service_content, F["service_content"], max_len=200, multiline=False)
    title = clean_text(content.title, F["title"], max_len=30, multiline=False)
    body = clean_text(content.body, F["body"], max_len=600)
    source = clean_text(content.source, F["source"], max_len=40, multiline=False)
    source_ref = clean_text(content.source_ref, F["source"], max_len=100, multiline=False)
    start = clean_date(content.period_start, F["period_start"], not_future=True, today=today)
    end = clean_date(content.period_end, F["period_end"], not_future=True, today=today)
    hours = content.hours
    if hours is not None:
        try:
            hours = round(float(hours), 1)
        except (TypeError, ValueError):
            raise ValidationError(F["hours"], QT_TRANSLATE_NOOP("Errors", "must be a number of hours, e.g. 20 or 12.5.")) from None
        if not (0 < hours <= MAX_HOURS) or hours != hours:
            raise ValidationError(
                F["hours"], QT_TRANSLATE_NOOP("Errors", "must be more than 0 and at most {max} hours."), max=MAX_HOURS
            )
    if content.kind == "service_record":
        if not organisation:
            raise ValidationError(F["organisation"], QT_TRANSLATE_NOOP("Errors", "is required: name the team or organisation the volunteer served with."))
        if start is None:
            raise ValidationError(F["period_start"], QT_TRANSLATE_NOOP("Errors", "is required; pick a date."))
        if end is None:
            raise ValidationError(F["period_end"], QT_TRANSLATE_NOOP("Errors", "is required; pick a date."))
        if hours is None:
            raise ValidationError(F["hours"], QT_TRANSLATE_NOOP("Errors", "is required: the hours actually served."))
        if not service_content:
            raise ValidationError(F["service_content"], QT_TRANSLATE_NOOP("Errors", "is required: say what the volunteer did, e.g. patrols."))
    if start and end and end < start:
        raise ValidationError(F["period_end"], QT_TRANSLATE_NOOP("Errors", "is before the start date; swap the two dates."))
    if content.kind == "honour" and not title:
        raise ValidationError(F["title"], QT_TRANSLATE_NOOP("Errors", "is required, e.g. 优秀志愿者 or 微笑之星."))
    if check_glyphs:
        for key, value in (("recipient_name", name), ("organisation", organisation), ("service_content", service_content),
                           ("title", title), ("body", body)):
            _glyph_check(F[key], value)
    return {
        "kind": content.kind,
        "recipient_name": name,
        "resident_id": content.resident_id,
        "id_number": id_number,
        "organisation": organisation,
        "period_start": start.isoformat() if start else None,
        "period_end": end.isoformat() if end else None,
        "hours": hours,
        "service_content": service_content,
        "title": title,
        "body": body,
        "source": source,
        "source_ref": source_ref,
    }


def _trust_resident_id_number(s: Session, content: CertificateContent) -> CertificateContent:
    """An ID number handed over together with the resident it belongs to, equal to the stored one, is
    taken from the record instead of being validated again (the residents feature owns that check)."""
    if content.resident_id is None or not content.id_number:
        return content
    from desktop_app.core.validation import fold
    from desktop_app.residents.models import Resident

    resident = s.get(Resident, content.resident_id)
    if resident is not None and resident.id_number and fold(content.id_number).upper() == resident.id_number:
        from dataclasses import replace

        return replace(content, id_number="")
    return content


def _with_resident(s: Session, values: dict) -> dict:
    """Take the ID number from the resident record when the content names a resident but no number
    (the residents feature validated it when it was stored)."""
    rid = values.get("resident_id")
    if rid is not None:
        from desktop_app.residents.models import Resident

        resident = s.get(Resident, rid)
        if resident is None or resident.erased:
            raise ValidationError(F["recipient_name"], QT_TRANSLATE_NOOP("Errors", "the chosen resident no longer exists; choose again."))
        if not values["id_number"]:
            values["id_number"] = resident.id_number or ""
    return values


def _content_from_clean(values: dict) -> CertificateContent:
    v = dict(values)
    for key in ("period_start", "period_end"):
        if v.get(key):
            v[key] = date.fromisoformat(v[key])
    return CertificateContent(**v)


# --- settings, key, images ------------------------------------------------------------------------


def _station_id(s: Session, actor: Actor) -> int:
    if actor.station_id is not None:
        return actor.station_id
    station = s.exec(select(Station).order_by(Station.id)).first()
    if station is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "No station is set up yet; finish the first-start set-up."))
    return station.id


def _setting(s: Session, station_id: int, key: str) -> StationSetting | None:
    return s.exec(select(StationSetting).where(StationSetting.station_id == station_id, StationSetting.key == key)).first()


def template_settings(s: Session, *, actor: Actor) -> TemplateSettings:
    """The station's current template settings (defaults where nothing was saved)."""
    require(actor, VIEW_CERTIFICATES)
    return _settings_for(s, _station_id(s, actor))


def _settings_for(s: Session, station_id: int) -> TemplateSettings:
    rows = s.exec(
        select(StationSetting).where(
            StationSetting.station_id == station_id, StationSetting.key.in_([templates.PREFIX + k for k in TemplateSettings.keys()])
        )
    ).all()
    values = {r.key[len(templates.PREFIX):]: r.value for r in rows}
    return TemplateSettings(**values)


def _check_colour(field_key: str, value: str) -> str:
    v = (value or "").strip()
    if len(v) != 7 or not v.startswith("#") or any(c not in "0123456789abcdefABCDEF" for c in v[1:]):
        raise ValidationError(templates.SETTING_LABELS[field_key], QT_TRANSLATE_NOOP("Errors", "write a colour as #RRGGBB, e.g. #A61B29."))
    return v.upper()


def save_template_settings(s: Session, *, actor: Actor, settings: TemplateSettings) -> TemplateSettings:
    require(actor, CONFIGURE_CERTIFICATES)
    station_id = _station_id(s, actor)
    clean = TemplateSettings(
        issuer=clean_text(settings.issuer, templates.SETTING_LABELS["issuer"], max_len=60, multiline=False),
        signatory=clean_text(settings.signatory, templates.SETTING_LABELS["signatory"], max_len=40, multiline=False),
        logo=settings.logo or "",
        seal=settings.seal or "",
        colour=_check_colour("colour", settings.colour),
        accent=_check_colour("accent", settings.accent),
        page_size=settings.page_size,
        orientation=settings.orientation,
        language=settings.language,
    )
    if clean.page_size not in templates.PAGE_SIZES:
        raise ValidationError(templates.SETTING_LABELS["page_size"], QT_TRANSLATE_NOOP("Errors", "choose A4 or A5."))
    if clean.orientation not in templates.ORIENTATIONS:
        raise ValidationError(templates.SETTING_LABELS["orientation"], QT_TRANSLATE_NOOP("Errors", "choose landscape or portrait."))
    if clean.language not in templates.LANGUAGES:
        raise ValidationError(templates.SETTING_LABELS["language"], QT_TRANSLATE_NOOP("Errors", "choose Chinese or English."))
    for key in ("logo", "seal"):
        sha = getattr(clean, key)
        if sha and s.get(CertificateImage, sha) is None:
            raise ValidationError(templates.SETTING_LABELS[key], QT_TRANSLATE_NOOP("Errors", "the chosen image is no longer stored; choose the file again."))
    for key in ("issuer", "signatory"):
        _glyph_check(templates.SETTING_LABELS[key], getattr(clean, key))
    before = _settings_for(s, station_id)
    for key, value in clean.as_dict().items():
        row = _setting(s, station_id, templates.PREFIX + key)
        if row is None:
            s.add(StationSetting(station_id=station_id, key=templates.PREFIX + key, value=str(value)))
        else:
            row.value = str(value)
            s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="certificate_settings", entity_id=station_id,
                 before=before.as_dict(), after=clean.as_dict())
    return clean


MAX_IMAGE_BYTES = 2_000_000


def store_image(s: Session, *, actor: Actor, data: bytes) -> str:
    """Keep a logo or seal image (PNG or JPEG) for good; returns its sha256 to put into the settings."""
    require(actor, CONFIGURE_CERTIFICATES)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        mime = "image/png"
    elif data[:3] == b"\xff\xd8\xff":
        mime = "image/jpeg"
    else:
        raise ValidationError(F["image"], QT_TRANSLATE_NOOP("Errors", "is not a PNG or JPEG picture; save it as PNG and choose it again."))
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(F["image"], QT_TRANSLATE_NOOP("Errors", "is larger than 2 MB; make it smaller and choose it again."))
    sha = hashlib.sha256(data).hexdigest()
    if s.get(CertificateImage, sha) is None:
        s.add(CertificateImage(sha256=sha, mime=mime, data=data))
        s.flush()
        audit.record(s, actor=actor, action="create", entity="certificate_image", entity_id=sha[:16], after={"sha256": sha, "bytes": len(data)})
    return sha


def _hmac_key(s: Session, station_id: int) -> bytes:
    """The station's signing key, made once on first use and kept in StationSetting."""
    row = _setting(s, station_id, HMAC_KEY_SETTING)
    if row is None:
        row = StationSetting(station_id=station_id, key=HMAC_KEY_SETTING, value=secrets.token_hex(32))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def sign(key: bytes, number: str) -> str:
    """16 base32 characters (80 bits) of HMAC-SHA256 over the certificate number."""
    digest = hmac.new(key, f"smiledesk-certificate|{number}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii")


def qr_payload(number: str, signature: str) -> str:
    """Upper-case letters, digits, '-' and ':' only, so the QR code uses the compact alphanumeric mode."""
    return f"{PAYLOAD_PREFIX}:{number}:{signature}"


# --- requests -------------------------------------------------------------------------------------


def request_certificate(s: Session, *, actor: Actor, content: CertificateContent) -> CertificateRequest:
    """Queue a certificate to be issued at the desk. The same (source, source_ref) gives the same request."""
    require(actor, REQUEST_CERTIFICATES)
    station_id = _station_id(s, actor)
    # Rare characters are accepted into the queue (the queue shows the problem); issuing refuses them.
    values = _with_resident(s, clean_content(_trust_resident_id_number(s, content), check_glyphs=False))
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


def request_content(req: CertificateRequest) -> CertificateContent:
    values = json.loads(req.content_json)
    values["id_number"] = req.id_number
    return _content_from_clean(values)


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


def list_requests(s: Session, *, actor: Actor, status: str = REQUEST_PENDING, limit: int = 500) -> list[RequestRow]:
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
    req = s.get(CertificateRequest, request_id)
    if req is None or not in_station(actor, req.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That certificate request no longer exists."))
    if req.status != REQUEST_PENDING:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This request was already issued or cancelled."))
    req.status = REQUEST_CANCELLED
    s.add(req)
    audit.record(s, actor=actor, action="cancel", entity="certificate_request", entity_id=req.id, after={"reason": reason})


# --- issuing --------------------------------------------------------------------------------------


def _snapshot(values: dict, *, number: str, payload: str, issued_at: datetime, language: str, with_seal: bool,
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
    station_id = _station_id(s, actor)
    req = None
    if request_id is not None:
        req = s.get(CertificateRequest, request_id)
        if req is None or not in_station(actor, req.station_id):
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "That certificate request no longer exists."))
        if req.station_id is not None:  # a sub-district administrator issues in the requesting station's name
            station_id = req.station_id
        if req.status != REQUEST_PENDING:
            raise ConflictError(
                QT_TRANSLATE_NOOP("Errors", "This request was already issued or cancelled."), existing_id=req.certificate_id
            )
        if content is None:
            content = request_content(req)
    if content is None:
        raise ValidationError(F["request"], QT_TRANSLATE_NOOP("Errors", "give the certificate's content or choose a request."))
    settings = _settings_for(s, station_id)
    language = language or settings.language or "zh"
    if language not in templates.LANGUAGES:
        raise ValidationError(F["language"], QT_TRANSLATE_NOOP("Errors", "choose Chinese or English."))
    values = _with_resident(s, clean_content(_trust_resident_id_number(s, content)))
    station = s.get(Station, station_id)
    now = now or utcnow()
    year = to_local(now).year
    serial = numbering.next_serial(s, station_id=station_id, year=year)
    number = numbering.format_number(station.code or "SQK", year, serial)
    signature = sign(_hmac_key(s, station_id), number)
    snap = _snapshot(values, number=number, payload=qr_payload(number, signature), issued_at=now, language=language,
                     with_seal=with_seal, settings=settings, station_name=station.name)
    _glyph_check(templates.SETTING_LABELS["issuer"], snap["issuer"])
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
        issued_at=now,
        issued_by_id=actor.id,
        issued_by_name=actor.username,
        request_id=req.id if req else None,
        period_end=date.fromisoformat(values["period_end"]) if values["period_end"] else None,
    )
    s.add(cert)
    s.flush()
    if req is not None:
        req.status = REQUEST_ISSUED
        req.certificate_id = cert.id
        s.add(req)
    audit.record(s, actor=actor, action="issue", entity="certificate", entity_id=cert.id,
                 after={"number": number, "request_id": cert.request_id, **{k: v for k, v in snap.items() if k != "qr"}})
    return cert


def issue_batch(
    s: Session,
    *,
    actor: Actor,
    contents: Sequence[CertificateContent] = (),
    request_ids: Sequence[int] = (),
    with_seal: bool = False,
    language: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[Certificate]:
    """Issue many in one transaction: either all are issued or (a bad row, cancel) none is."""
    require(actor, ISSUE_CERTIFICATES)
    total = len(contents) + len(request_ids)
    out: list[Certificate] = []
    for i, content in enumerate(contents):
        progress(i, total, content.recipient_name)
        try:
            out.append(issue_certificate(s, actor=actor, content=content, with_seal=with_seal, language=language))
        except ValidationError as exc:
            raise BatchRowError(content.recipient_name, exc) from exc
    for j, rid in enumerate(request_ids):
        progress(len(contents) + j, total, "")
        try:
            out.append(issue_certificate(s, actor=actor, request_id=rid, with_seal=with_seal, language=language))
        except ValidationError as exc:
            req = s.get(CertificateRequest, rid)
            raise BatchRowError(req.recipient_name if req else str(rid), exc) from exc
    progress(total, total, "")
    return out


class BatchRowError(ValidationError):
    """A row of a batch was refused: says whose row and why; nothing of the batch was issued."""

    def __init__(self, name: str, error: ValidationError) -> None:
        self.inner = error
        super().__init__(error.field, QT_TRANSLATE_NOOP("Errors", "{name}: {problem}"), name=name, problem=error.english())

    def text(self) -> str:
        return f"{self.params['name']} — {self.inner.text()}"


# --- the register -----------------------------------------------------------------------------------


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


def _row(c: Certificate) -> CertificateRow:
    snap = json.loads(c.content_json)
    return CertificateRow(c.id, c.number, c.kind, c.recipient_name, c.issued_at, c.issued_by_name, c.status,
                          c.print_count, snap.get("hours"), c.with_seal, c.language, c.entered_at is not None)


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
        q = q.where((Certificate.number.contains(t.upper())) | (Certificate.recipient_name.contains(t)))
    if after is not None:
        q = q.where(Certificate.id < after)
    return [_row(c) for c in s.exec(q.order_by(Certificate.id.desc()).limit(limit))]


def get_certificate(s: Session, *, actor: Actor, certificate_id: int) -> Certificate:
    require(actor, VIEW_CERTIFICATES)
    cert = s.get(Certificate, certificate_id)
    if cert is None or not in_station(actor, cert.station_id):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That certificate is not in this station's register."))
    return cert


def snapshot_of(cert: Certificate) -> dict:
    return json.loads(cert.content_json)


def print_log(s: Session, *, actor: Actor, certificate_id: int) -> list[CertificatePrint]:
    get_certificate(s, actor=actor, certificate_id=certificate_id)
    return list(s.exec(select(CertificatePrint).where(CertificatePrint.certificate_id == certificate_id).order_by(CertificatePrint.id)))


def prepare_output(
    s: Session, *, actor: Actor, certificate_id: int, how: str = "print", copies: int = 1, reason: str = ""
) -> tuple[Certificate, str, str]:
    """Check a print / reprint / PDF may happen (before the print dialog); returns (certificate, kind, reason)."""
    require(actor, PRINT_CERTIFICATES)
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id)
    if cert.status == STATUS_REVOKED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Certificate {number} was revoked; it cannot be printed again."), number=cert.number)
    if not isinstance(copies, int) or not (1 <= copies <= 50):
        raise ValidationError(F["copies"], QT_TRANSLATE_NOOP("Errors", "must be between 1 and 50."))
    reason = clean_text(reason, F["reason"], max_len=500, multiline=False)
    if how not in ("print", "pdf"):
        raise ValueError(how)
    kind = "reprint" if how == "print" and cert.print_count > 0 else how
    if kind == "reprint" and not reason:
        raise ValidationError(
            F["reason"], QT_TRANSLATE_NOOP("Errors", "is required for a reprint (e.g. the first copy was lost or damaged).")
        )
    return cert, kind, reason


def record_output(
    s: Session, *, actor: Actor, certificate_id: int, how: str = "print", copies: int = 1, reason: str = ""
) -> CertificatePrint:
    """Log that a certificate was printed or saved as PDF. After the first print, a reason is required."""
    cert, kind, reason = prepare_output(s, actor=actor, certificate_id=certificate_id, how=how, copies=copies, reason=reason)
    entry = CertificatePrint(certificate_id=cert.id, actor_id=actor.id, actor_name=actor.username, how=kind, copies=copies, reason=reason)
    s.add(entry)
    if kind in ("print", "reprint"):
        cert.print_count += 1
    s.add(cert)
    s.flush()
    audit.record(s, actor=actor, action=kind, entity="certificate", entity_id=cert.id,
                 after={"number": cert.number, "copies": copies, "reason": reason})
    return entry


def revoke_certificate(s: Session, *, actor: Actor, certificate_id: int, reason: str) -> Certificate:
    require(actor, REVOKE_CERTIFICATES)
    reason = clean_text(reason, F["reason"], max_len=500, required=True)
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id)
    if cert.status == STATUS_REVOKED:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Certificate {number} is already revoked."), number=cert.number)
    cert.status = STATUS_REVOKED
    cert.revoked_at = utcnow()
    cert.revoked_by = actor.username
    cert.revoke_reason = reason
    s.add(cert)
    s.flush()
    audit.record(s, actor=actor, action="revoke", entity="certificate", entity_id=cert.id,
                 before={"status": STATUS_VALID}, after={"status": STATUS_REVOKED, "reason": reason, "number": cert.number})
    return cert


# --- verification -----------------------------------------------------------------------------------

V_VALID = "valid"
V_REVOKED = "revoked"
V_UNKNOWN = "unknown"
V_TAMPERED = "tampered"
V_MALFORMED = "malformed"

VERDICT_LABELS = {
    V_VALID: QT_TRANSLATE_NOOP("Certificates", "Valid: issued by this station and not revoked."),
    V_REVOKED: QT_TRANSLATE_NOOP("Certificates", "Revoked: this certificate is no longer valid."),
    V_UNKNOWN: QT_TRANSLATE_NOOP("Certificates", "Unknown: no certificate with this number is in this station's register."),
    V_TAMPERED: QT_TRANSLATE_NOOP("Certificates", "Not genuine: the code's signature does not match this station's key."),
    V_MALFORMED: QT_TRANSLATE_NOOP("Certificates", "Not a certificate number: check what was typed (the last character is a check character)."),
}


@dataclass(frozen=True)
class VerificationResult:
    status: str  # valid | revoked | unknown | tampered | malformed
    number: str = ""
    kind: str = ""
    recipient: str = ""  # masked (the kiosk shows it to whoever scans)
    issued_on: str = ""
    revoked_on: str = ""
    revoke_reason: str = ""
    signed: bool = False  # True: came from a QR code whose signature checked out

    @property
    def ok(self) -> bool:
        return self.status == V_VALID

    @property
    def message(self) -> str:
        return VERDICT_LABELS[self.status]


def verify_payload(s: Session, payload: str) -> VerificationResult:
    """What a scanned QR code (``SDC1:number:signature``) or a typed number says. Offline, read-only."""
    text = numbering.normalise(payload)
    signature = ""
    if text.startswith(PAYLOAD_PREFIX + ":"):
        parts = text.split(":")
        if len(parts) != 3:
            return VerificationResult(V_MALFORMED)
        _, number, signature = parts
    else:
        number = text
    if not numbering.is_well_formed(number):
        return VerificationResult(V_MALFORMED, number=number[:40])
    cert = s.exec(select(Certificate).where(Certificate.number == number)).first()
    if signature:
        station_id = cert.station_id if cert is not None else None
        if station_id is None:
            station = s.exec(select(Station).order_by(Station.id)).first()
            station_id = station.id if station else None
        key_row = _setting(s, station_id, HMAC_KEY_SETTING) if station_id is not None else None
        if key_row is None or not hmac.compare_digest(sign(bytes.fromhex(key_row.value), number), signature):
            return VerificationResult(V_TAMPERED, number=number)
    if cert is None:
        return VerificationResult(V_UNKNOWN, number=number, signed=bool(signature))
    common = dict(number=cert.number, kind=cert.kind, recipient=mask_name(cert.recipient_name),
                  issued_on=to_local(cert.issued_at).date().isoformat(), signed=bool(signature))
    if cert.status == STATUS_REVOKED:
        return VerificationResult(V_REVOKED, revoked_on=to_local(cert.revoked_at).date().isoformat() if cert.revoked_at else "",
                                  revoke_reason=cert.revoke_reason, **common)
    return VerificationResult(V_VALID, **common)


# --- rendering --------------------------------------------------------------------------------------


def _images_for(s: Session, snaps: Sequence[dict]) -> dict[str, bytes]:
    wanted = {snap["template"].get(k) for snap in snaps for k in ("logo", "seal")} - {"", None}
    return {img.sha256: img.data for img in s.exec(select(CertificateImage).where(CertificateImage.sha256.in_(wanted)))} if wanted else {}


def check_printable(snap: dict) -> None:
    """Refuse before drawing if any printed text has a character no font in the chain can draw."""
    for key, label in (("recipient_name", F["recipient_name"]), ("organisation", F["organisation"]),
                       ("service_content", F["service_content"]), ("title", F["title"]), ("body", F["body"]),
                       ("issuer", templates.SETTING_LABELS["issuer"]), ("signatory", templates.SETTING_LABELS["signatory"])):
        _glyph_check(label, str(snap.get(key) or ""))


def render_certificate(s: Session, *, actor: Actor, certificate_id: int) -> bytes:
    """The PDF of one register entry: the same text and drawing every time (fixed dates, invariant mode)."""
    from desktop_app.certificates import pdf

    require(actor, VIEW_CERTIFICATES)
    cert = get_certificate(s, actor=actor, certificate_id=certificate_id)
    snap = snapshot_of(cert)
    check_printable(snap)
    return pdf.render([snap], images=_images_for(s, [snap]), revoked={0} if cert.status == STATUS_REVOKED else set())


def preview_content(s: Session, *, actor: Actor, content: CertificateContent, with_seal: bool = False,
                    language: str | None = None) -> bytes:
    """A specimen PDF of content not yet issued (number SPECIMEN, watermarked), for the issue dialog."""
    from desktop_app.certificates import pdf

    require(actor, VIEW_CERTIFICATES)
    station_id = _station_id(s, actor)
    settings = _settings_for(s, station_id)
    values = clean_content(content)
    station = s.get(Station, station_id)
    snap = _snapshot(values, number=f"{station.code}-{to_local(utcnow()).year}-000000-0", payload="SDC1:SPECIMEN",
                     issued_at=utcnow(), language=language or settings.language, with_seal=with_seal, settings=settings,
                     station_name=station.name)
    check_printable(snap)
    return pdf.render([snap], images=_images_for(s, [snap]), specimen=True)


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    pages: int = 0


def render_batch(
    s: Session,
    *,
    actor: Actor,
    certificate_ids: Sequence[int],
    target: Path,
    one_file_each: bool = False,
    progress: Progress = NO_PROGRESS,
) -> BatchResult:
    """Render register entries to one PDF (``target`` is a file) or one PDF each (``target`` is a folder)."""
    from desktop_app.certificates import pdf

    require(actor, PRINT_CERTIFICATES)
    certs = [get_certificate(s, actor=actor, certificate_id=i) for i in certificate_ids]
    snaps = [snapshot_of(c) for c in certs]
    for snap in snaps:
        check_printable(snap)
    images = _images_for(s, snaps)
    revoked = {i for i, c in enumerate(certs) if c.status == STATUS_REVOKED}
    result = BatchResult()
    total = len(snaps)
    target = Path(target)
    if one_file_each:
        target.mkdir(parents=True, exist_ok=True)
        for i, (cert, snap) in enumerate(zip(certs, snaps, strict=True)):
            progress(i, total, cert.number)
            out = target / f"{cert.number}.pdf"
            out.write_bytes(pdf.render([snap], images=images, revoked={0} if i in revoked else set()))
            result.files.append(out)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf.render(snaps, images=images, revoked=revoked, progress=progress))
        result.files.append(target)
    result.pages = total
    progress(total, total, "")
    for cert in certs:
        if cert.status != STATUS_REVOKED:
            s.add(CertificatePrint(certificate_id=cert.id, actor_id=actor.id, actor_name=actor.username, how="pdf", copies=1))
    audit.record(s, actor=actor, action="render_batch", entity="certificate", entity_id="",
                 after={"numbers": [c.number for c in certs], "files": len(result.files)})
    return result


# --- warnings -----------------------------------------------------------------------------------------


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

    def overdue(day: date | None) -> bool:
        return day is not None and cal.workdays_between(day, today) > ENTRY_WARNING_WORKDAYS

    # Service records (requested or issued) whose service ended more than 7 working days ago and that
    # are not yet marked as entered into the national system (the 2020 measures allow 10).
    late: list[date] = []
    for req in s.exec(station_scope(select(CertificateRequest), CertificateRequest.station_id, actor).where(
        CertificateRequest.status == REQUEST_PENDING, CertificateRequest.kind == "service_record",
    )):
        day = req.period_end or to_local(req.requested_at).date()
        if overdue(day):
            late.append(day)
    for cert in s.exec(station_scope(select(Certificate), Certificate.station_id, actor).where(
        Certificate.kind == "service_record", Certificate.entered_at.is_(None), Certificate.status == STATUS_VALID,
    )):
        day = cert.period_end or to_local(cert.issued_at).date()
        if overdue(day):
            late.append(day)
    if late:
        out.append(CertificateWarning("not_entered", len(late), QT_TRANSLATE_NOOP(
            "Certificates", "{n} service record(s) ended more than 7 working days ago and are not yet entered in the national volunteer system (10 working days are allowed)."),
            min(late).isoformat()))
    pending = s.exec(station_scope(select(func.count()).select_from(CertificateRequest), CertificateRequest.station_id, actor)
                     .where(CertificateRequest.status == REQUEST_PENDING)).one()
    if pending:
        out.append(CertificateWarning("not_issued", pending, QT_TRANSLATE_NOOP("Certificates", "{n} certificate request(s) are waiting to be issued.")))
    unprinted = s.exec(station_scope(select(func.count()).select_from(Certificate), Certificate.station_id, actor)
                       .where(Certificate.status == STATUS_VALID, Certificate.print_count == 0)).one()
    if unprinted:
        out.append(CertificateWarning("not_printed", unprinted, QT_TRANSLATE_NOOP("Certificates", "{n} issued certificate(s) have not been printed yet.")))
    return out


# --- export for the national volunteer system ------------------------------------------------------------

EXPORT_COLUMNS = [
    "序号", "志愿者姓名", "证件类型", "证件号码", "服务组织（队伍）", "服务内容", "服务开始日期", "服务结束日期",
    "服务时长（小时）", "记录组织", "证书编号", "出具日期", "是否已录入",
]


def export_service_records(
    s: Session, *, actor: Actor, target: Path, start: date | None = None, end: date | None = None,
    include_requests: bool = True,
) -> int:
    """Write the service records (issued and requested) as a table in the columns the national system asks for.

    The file is the station's own ledger to help staff enter records; it is not an import file of the
    national system. ``.xlsx`` (openpyxl) or ``.csv`` (UTF-8 with BOM, opens in Excel) by suffix.
    """
    require(actor, EXPORT_CERTIFICATES)
    station_id = _station_id(s, actor)
    station = s.get(Station, station_id)
    issuer = _settings_for(s, station_id).issuer or station.name
    rows: list[list] = []

    def in_range(d: str | None) -> bool:
        if not d:
            return start is None and end is None
        day = date.fromisoformat(d)
        return (start is None or day >= start) and (end is None or day <= end)

    for cert in s.exec(select(Certificate).where(
        Certificate.station_id == station_id, Certificate.kind == "service_record", Certificate.status == STATUS_VALID,
    ).order_by(Certificate.id)):
        snap = snapshot_of(cert)
        if not in_range(snap.get("period_end")):
            continue
        rows.append([cert.recipient_name, "居民身份证" if cert.id_number else "", cert.id_number, snap["organisation"],
                     snap["service_content"], snap["period_start"], snap["period_end"], snap["hours"], snap["issuer"],
                     cert.number, snap["issued_on"], "是" if cert.entered_at else "否"])
    if include_requests:
        for req in s.exec(select(CertificateRequest).where(
            CertificateRequest.station_id == station_id, CertificateRequest.kind == "service_record",
            CertificateRequest.status == REQUEST_PENDING,
        ).order_by(CertificateRequest.id)):
            v = json.loads(req.content_json)
            if not in_range(v.get("period_end")):
                continue
            rows.append([req.recipient_name, "居民身份证" if req.id_number else "", req.id_number, v["organisation"],
                         v["service_content"], v["period_start"], v["period_end"], v["hours"], issuer, "", "", "否"])
    rows = [[i + 1, *r] for i, r in enumerate(rows)]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".csv":
        import csv

        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(EXPORT_COLUMNS)
            w.writerows(rows)
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "志愿服务记录"
        ws.append(EXPORT_COLUMNS)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append(r)
        for col, width in zip("ABCDEFGHIJKLM", (6, 12, 12, 22, 20, 30, 13, 13, 12, 24, 22, 12, 10), strict=True):
            ws.column_dimensions[col].width = width
        ws.column_dimensions["D"].number_format = "@"
        for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
            for cell in row:
                cell.number_format = "@"  # keep the 18 digits as text (Excel would round them)
        ws.freeze_panes = "A2"
        wb.save(target)
    audit.record(s, actor=actor, action="export", entity="certificate", entity_id="",
                 after={"file": target.name, "rows": len(rows), "start": start, "end": end})
    return len(rows)


def mark_entered(s: Session, *, actor: Actor, certificate_ids: Sequence[int], when: datetime | None = None) -> int:
    """Note that these service records were entered into the national volunteer system."""
    require(actor, EXPORT_CERTIFICATES)
    when = when or utcnow()
    n = 0
    for cid in certificate_ids:
        cert = get_certificate(s, actor=actor, certificate_id=cid)
        if cert.kind == "service_record" and cert.entered_at is None:
            cert.entered_at = when
            s.add(cert)
            n += 1
    s.flush()
    audit.record(s, actor=actor, action="mark_entered", entity="certificate", entity_id="", after={"ids": list(certificate_ids)})
    return n

