"""What a certificate says, checked: the rules every request and every issued certificate pass.

``clean_content`` turns a ``CertificateContent`` into validated, normalised values; characters no
installed font can print are refused before anything is drawn (``glyph_check``, ``check_printable``).
An ID number handed over with the resident it belongs to is taken from the resident record.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from desktop_app.certificates import templates
from desktop_app.certificates.models import CertificateContent, CertificateKind
from desktop_app.core import pdf as core_pdf
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import clean_date, clean_id_number, clean_name, clean_text

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


def glyph_check(field: str, value: str) -> None:
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
    if content.kind not in set(CertificateKind):
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
    if content.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE:
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
    if content.kind == CertificateKind.HONOUR_CERTIFICATE and not title:
        raise ValidationError(F["title"], QT_TRANSLATE_NOOP("Errors", "is required, e.g. 优秀志愿者 or 微笑之星."))
    if check_glyphs:
        for key, value in (("recipient_name", name), ("organisation", organisation), ("service_content", service_content),
                           ("title", title), ("body", body)):
            glyph_check(F[key], value)
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


def _resident(s: Session, resident_id: int, actor):
    """The resident the content names, if the actor's station holds them (another station's resident is
    treated as gone: nothing of theirs — not their ID number — is copied into this station's register)."""
    from desktop_app.core.db import in_station
    from desktop_app.residents import Resident

    resident = s.get(Resident, resident_id)
    if resident is None or resident.erased or not in_station(actor, resident.station_id):
        return None
    return resident


def trust_resident_id_number(s: Session, content: CertificateContent, actor) -> CertificateContent:
    """An ID number handed over together with the resident it belongs to, equal to the stored one, is
    taken from the record instead of being validated again (the residents feature owns that check)."""
    if content.resident_id is None or not content.id_number:
        return content
    from desktop_app.core.validation import fold

    resident = _resident(s, content.resident_id, actor)
    if resident is not None and resident.id_number and fold(content.id_number).upper() == resident.id_number:
        from dataclasses import replace

        return replace(content, id_number="")
    return content


def with_resident(s: Session, values: dict, actor) -> dict:
    """Take the ID number from the resident record when the content names a resident but no number
    (the residents feature validated it when it was stored). Only a resident of the actor's station."""
    rid = values.get("resident_id")
    if rid is not None:
        resident = _resident(s, rid, actor)
        if resident is None:
            raise ValidationError(F["recipient_name"], QT_TRANSLATE_NOOP("Errors", "the chosen resident no longer exists; choose again."))
        if not values["id_number"]:
            values["id_number"] = resident.id_number or ""
    return values


def content_from_clean(values: dict) -> CertificateContent:
    v = dict(values)
    for key in ("period_start", "period_end"):
        if v.get(key):
            v[key] = date.fromisoformat(v[key])
    return CertificateContent(**v)


def check_printable(snap: dict) -> None:
    """Refuse before drawing if any printed text has a character no font in the chain can draw."""
    for key, label in (("recipient_name", F["recipient_name"]), ("organisation", F["organisation"]),
                       ("service_content", F["service_content"]), ("title", F["title"]), ("body", F["body"]),
                       ("issuer", templates.SETTING_LABELS["issuer"]), ("signatory", templates.SETTING_LABELS["signatory"])):
        glyph_check(label, str(snap.get(key) or ""))
