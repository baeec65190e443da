"""Templates and settings: the station's certificate template (issuer, signatory, logo, seal image,
colours, paper), the images it names, and the station a certificate is issued for.

The settings are StationSetting rows with keys ``certificates.*`` (see templates.py); issued
certificates keep a copy in their snapshot, so a later change never alters them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from types import SimpleNamespace

from sqlmodel import Session, col, select

from desktop_app.certificates import templates
from desktop_app.certificates.content import F, glyph_check
from desktop_app.certificates.models import CertificateImage
from desktop_app.certificates.permissions import CONFIGURE_CERTIFICATES, VIEW_CERTIFICATES
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.core import audit
from desktop_app.core.auth import Actor, first_station, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.records import check_version, pk
from desktop_app.core.validation import clean_text


def station_for(s: Session, actor: Actor) -> int:
    """The station the actor issues and configures for (a sub-district administrator: the first one)."""
    if actor.station_id is not None:
        return actor.station_id
    station = first_station(s)
    if station is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "No station is set up yet; finish the first-start set-up."))
    return pk(station.id)


def setting_row(s: Session, station_id: int, key: str, *, for_update: bool = False) -> StationSetting | None:
    q = select(StationSetting).where(StationSetting.station_id == station_id, StationSetting.key == key)
    return s.exec(q.with_for_update() if for_update else q).first()


def template_settings(s: Session, *, actor: Actor) -> TemplateSettings:
    """The station's current template settings (defaults where nothing was saved)."""
    require(actor, VIEW_CERTIFICATES)
    return settings_for(s, station_for(s, actor))


def settings_for(s: Session, station_id: int) -> TemplateSettings:
    rows = s.exec(
        select(StationSetting).where(
            StationSetting.station_id == station_id, col(StationSetting.key).in_([templates.PREFIX + k for k in TemplateSettings.keys()])
        )
    ).all()
    values = {r.key[len(templates.PREFIX):]: r.value for r in rows}
    version = setting_row(s, station_id, templates.VERSION_SETTING)
    return TemplateSettings(**values, version=int(version.value) if version else 0)


def _check_colour(field_key: str, value: str) -> str:
    v = (value or "").strip()
    if len(v) != 7 or not v.startswith("#") or any(c not in "0123456789abcdefABCDEF" for c in v[1:]):
        raise ValidationError(templates.SETTING_LABELS[field_key], QT_TRANSLATE_NOOP("Errors", "write a colour as #RRGGBB, e.g. #A61B29."))
    return v.upper()


def save_template_settings(s: Session, *, actor: Actor, settings: TemplateSettings,
                           expected_version: int | None = None) -> TemplateSettings:
    """Save the station's template. ``expected_version``: the version the dialog loaded; when someone saved
    the template since, nothing is saved and StaleEdit names who and when."""
    require(actor, CONFIGURE_CERTIFICATES)
    station_id = station_for(s, actor)
    # The version row is locked first: two administrators saving at once save one after the other.
    version_row = setting_row(s, station_id, templates.VERSION_SETTING, for_update=True)
    current = int(version_row.value) if version_row else 0
    check_version(s, SimpleNamespace(id=station_id, version=current), expected_version, entity="certificate_settings")
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
        version=current + 1,
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
        glyph_check(templates.SETTING_LABELS[key], getattr(clean, key))
    before = settings_for(s, station_id)
    for key, value in clean.as_dict().items():
        row = setting_row(s, station_id, templates.PREFIX + key)
        if row is None:
            s.add(StationSetting(station_id=station_id, key=templates.PREFIX + key, value=str(value)))
        else:
            row.value = str(value)
            s.add(row)
    version_row = version_row or StationSetting(station_id=station_id, key=templates.VERSION_SETTING)
    version_row.value = str(clean.version)
    s.add(version_row)
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


def images_for(s: Session, snaps: Sequence[dict]) -> dict[str, bytes]:
    wanted = {snap["template"].get(k) for snap in snaps for k in ("logo", "seal")} - {"", None}
    return {img.sha256: img.data for img in s.exec(select(CertificateImage).where(col(CertificateImage.sha256).in_(wanted)))} if wanted else {}
