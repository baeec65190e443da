"""A resident's personal-data requests (PIPL): the export of everything held about them, and erasure.

Qt-free use cases; every feature with a ``privacy.py`` contributes its part (``safety.privacy.providers``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop_app.core import audit, paths
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import ConflictError, NotFound, StorageError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.papers import Paper, PaperKind, kind_title
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
                 after={"sections": sorted(sections)}, subject="")
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
        from desktop_app.core import private

        private.write_private(json_path, export_json(data).encode("utf-8"))
        pdf_path = folder / f"{stem}.pdf"
        pdf.render_export(data, pdf_path, station_name=station_name)
        private.private_file(pdf_path)
    except OSError as exc:
        raise backup_files._os_error(exc, folder) from exc
    return json_path, pdf_path


def export_paper(engine, *, actor: Actor, resident_id: int, station_name: str = "") -> Paper:
    """The resident's personal data as a paper to preview, print or save (``ui.printing``); the export is
    audited when it is made (``export_resident``), the print when a printer accepted it."""
    from io import BytesIO

    from desktop_app.core.db import session_scope
    from desktop_app.safety import pdf

    with session_scope(engine) as s:
        data = export_resident(s, actor=actor, resident_id=resident_id)
    out = BytesIO()
    pdf.render_export(data, out, station_name=station_name)
    return Paper(PaperKind.PERSONAL_DATA, f"{kind_title(PaperKind.PERSONAL_DATA)} {resident_id}", out.getvalue(),
                 people=1, entity="resident", entity_id=str(resident_id))


def export_json_of(engine, *, actor: Actor, resident_id: int, path: Path | str) -> Path:
    """The resident's personal data as a JSON file (the machine-readable copy of the same export)."""
    from desktop_app.core.db import session_scope

    with session_scope(engine) as s:
        data = export_resident(s, actor=actor, resident_id=resident_id)
    path = Path(path)
    try:
        from desktop_app.core import private

        private.write_private(path, export_json(data).encode("utf-8"))
    except OSError as exc:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "Could not write {path} ({detail}). Choose another folder, or "
                                                       "check that the disk is not full."),
                           path=str(path), detail=exc.strerror or str(exc)) from exc
    return path


@dataclass(frozen=True)
class Match:
    """A record that is the person's by their name and phone but was never linked to them (a walk-in typed
    at the desk): listed in the access-request export and offered for erasure."""

    feature: str
    record_id: int
    at: datetime
    summary: str

    @property
    def key(self) -> str:
        return f"{self.feature}:{self.record_id}"


def erasure_matches(s: Session, *, actor: Actor, resident_id: int) -> list[Match]:
    """What an erasure of the resident offers to erase besides their own records."""
    require(actor, ERASE_PERSONAL)
    _check_station(actor, _resident_or_404(s, resident_id))
    out = []
    for key, mod in privacy.providers():
        for m in getattr(mod, "matches", lambda _s, _rid: [])(s, resident_id):
            out.append(Match(key, m["id"], m["at"], m["summary"]))
    return out


def erase_resident(s: Session, *, actor: Actor, resident_id: int, reason: str = "",
                   matches: list[str] | None = None) -> list[str]:
    """Anonymise a resident everywhere (erasure request); statistics and ledgers keep their rows.

    Other features erase first (they may look the person up), residents last; the keys of the person's audit
    snapshots are destroyed (the snapshots become unreadable, the audit chain still verifies). ``matches``:
    the keys (``Match.key``) of the offered records to erase too; None: every one offered. Returns the feature
    keys that erased something. Audited as "erase" without any personal value in the entry.
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
    offered = erasure_matches(s, actor=actor, resident_id=resident_id)
    chosen = [m for m in offered if matches is None or m.key in set(matches)]
    for key, mod in ordered:
        ids = [m.record_id for m in chosen if m.feature == key]
        if ids:
            mod.erase_matches(s, resident_id, ids)
    for key, mod in [p for p in ordered if p[0] != "residents"] + [p for p in ordered if p[0] == "residents"]:
        mod.erase(s, resident_id)
        done.append(key)
    audit.forget_subject(s, f"resident:{resident_id}")
    s.flush()
    audit.record(s, actor=actor, action="erase", entity="resident", entity_id=resident_id,
                 after={"features": done, "reason": reason, "matched_records": [m.key for m in chosen]}, subject="")
    return done


