"""A resident's personal-data requests (PIPL): the export of everything held about them, and erasure.

Qt-free use cases; every feature with a ``privacy.py`` contributes its part (``safety.privacy.providers``).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop_app.core import audit, paths
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.safety import backup_files, privacy
from desktop_app.safety.permissions import ERASE_PERSONAL, EXPORT_PERSONAL


def _resident_or_404(s: Session, resident_id: int):
    from desktop_app.residents import Resident

    resident = s.get(Resident, resident_id)
    if resident is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    return resident


def _check_station(actor: Actor, resident) -> None:
    if actor.station_id is not None and resident.station_id != actor.station_id:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))


def export_resident(s: Session, *, actor: Actor, resident_id: int) -> dict[str, Any]:
    """Everything SmileDesk holds about one resident, by feature (the person's access request); audited."""
    require(actor, EXPORT_PERSONAL)
    resident = _resident_or_404(s, resident_id)
    _check_station(actor, resident)
    if resident.erased:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This resident's personal data was erased; there is nothing left to export."))
    sections: dict[str, Any] = {}
    for key, mod in privacy.providers():
        sections[key] = mod.export(s, resident_id)
    data = {
        "format": "smiledesk-personal-data/1",
        "resident_id": resident_id,
        "exported_at": utcnow().isoformat(),
        "exported_by": actor.username,
        "sections": sections,
    }
    audit.record(s, actor=actor, action="export", entity="resident", entity_id=resident_id,
                 after={"sections": sorted(sections)})
    return data


def export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=audit._default)


def write_export(data: dict[str, Any], folder: Path | str, *, station_name: str = "") -> tuple[Path, Path]:
    """The export as JSON and PDF files in ``folder``; returns (json, pdf)."""
    from desktop_app.safety import pdf

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stem = paths.file_name(translate("PersonalData", "Personal data of resident {id}").format(id=data["resident_id"]),
                               f"{datetime.now():%Y%m%d-%H%M%S}", suffix="")
        json_path = folder / f"{stem}.json"
        json_path.write_text(export_json(data), encoding="utf-8")
        pdf_path = pdf.render_export(data, folder / f"{stem}.pdf", station_name=station_name)
    except OSError as exc:
        raise backup_files._os_error(exc, folder) from exc
    return json_path, pdf_path


def erase_resident(s: Session, *, actor: Actor, resident_id: int, reason: str = "") -> list[str]:
    """Anonymise a resident everywhere (erasure request); statistics and ledgers keep their rows.

    Other features erase first (they may look the person up), residents last. Returns the feature keys
    that erased something. Audited as "erase" without any personal value in the entry.
    """
    require(actor, ERASE_PERSONAL)
    resident = _resident_or_404(s, resident_id)
    _check_station(actor, resident)
    if resident.erased:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This resident's personal data was already erased."))
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Reason"), QT_TRANSLATE_NOOP("Errors", "keep it under 200 characters."))
    done = []
    ordered = privacy.providers()
    for key, mod in [p for p in ordered if p[0] != "residents"] + [p for p in ordered if p[0] == "residents"]:
        mod.erase(s, resident_id)
        done.append(key)
    s.flush()
    audit.record(s, actor=actor, action="erase", entity="resident", entity_id=resident_id,
                 after={"features": done, "reason": reason})
    return done


