"""What features offer one another where the dependency may not point (typed, instead of a dict of hooks).

Features depend one way (residents ← desk, rosters, meals, passports; rosters ← meals, passports;
certificates ← rosters, passports; dashboard, reports ← everything), and a feature imports only another
feature's ``__init__``. Where a page needs something from a feature that depends on it (the rosters page
reading a scanned passport code) or from a feature it may not know (the settings dialog and the backup
folder), the composition root (app.py) builds a ``Services`` of the Protocols below and pages get it in
``ctx.services``. A field is None when the feature is not part of the build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

    from desktop_app.core.auth import Actor
    from desktop_app.core.papers import Paper
    from desktop_app.core.progress import Progress
    from desktop_app.core.workdays import CalendarFollower


class PassportCodes(Protocol):
    """passports: the resident a scanned passport code belongs to."""

    def resolve_code(self, s: Session, code: str) -> int | None: ...


class VolunteerHours(Protocol):
    """rosters: the content of volunteer service-hours certificates (志愿服务记录证明) for a period."""

    def hours_certificate_contents(self, s: Session, *, actor: Actor, start: date, end: date,
                                   min_hours: float) -> list[dict[str, Any]]: ...


class Backups(Protocol):
    """safety: where the station's backups go, and the automatic backups."""

    def backup_folder(self, s: Session, station_id: int | None) -> Path: ...

    def set_backup_folder(self, s: Session, *, actor: Actor, folder: str) -> Path: ...

    def automatic_backup(self, engine: Engine, *, kind: str, station_id: int | None = None,
                         now: datetime | None = None) -> Path | None: ...


class MorningPapers(Protocol):
    """meals and rosters: the papers a morning needs, in print order ("Today's papers": meals' kitchen sheet,
    route sheets and labels, then rosters' patrol sign-in sheets). ``label_skip`` places of the first label
    sheet are already used."""

    def morning_papers(self, engine: Engine, *, actor: Actor, day: date, label_skip: int = 0,
                       progress: Progress = ...) -> list[Paper]: ...


def _no_followers() -> Sequence[CalendarFollower]:
    return ()


@dataclass(frozen=True)
class Services:
    passport_codes: PassportCodes | None = None
    volunteer_hours: VolunteerHours | None = None
    backups: Backups | None = None
    morning_papers: tuple[MorningPapers, ...] = ()  # in print order: meals, then rosters
    # desk, rosters, meals: what moves when the work calendar changes (the administration page's holiday
    # tab runs them; a function, so their modules are imported when a change is previewed, not at start-up)
    calendar_followers: Callable[[], Sequence[CalendarFollower]] = _no_followers
