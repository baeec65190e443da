"""Demo data for the whole app (``smiledesk demo``, the wizard's "try it with demo data"): never a second copy.

Which features' demo sets a database holds is noted in the database (``station_setting``, key ``demo.loaded``,
no station). A database that holds residents and no such note holds a station's real data: it gets no
demo data at all. A feature whose set is there already is skipped, so ``demo --only residents`` and then
``demo --only desk`` build one database a feature at a time, and running ``demo`` twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session, select

from desktop_app import features
from desktop_app.core.db import refresh_statistics, session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.progress import NO_PROGRESS, Progress

LOADED_KEY = "demo.loaded"


@dataclass(frozen=True)
class DemoPlan:
    to_load: list[str]  # feature keys whose demo set is added now
    already: list[str]  # feature keys whose demo set the database holds already


def _note(s: Session) -> StationSetting | None:
    return s.exec(select(StationSetting).where(StationSetting.station_id == None,  # noqa: E711
                                               StationSetting.key == LOADED_KEY)).first()


def loaded(s: Session) -> list[str]:
    note = _note(s)
    return [k for k in (note.value.split(",") if note else []) if k]


def holds_real_data(s: Session) -> bool:
    """Residents that no demo set put there: every record of the station starts with one."""
    return not loaded(s) and s.connection().execute(text("SELECT 1 FROM resident LIMIT 1")).first() is not None


def plan(engine, wanted: Iterable[str] | None = None) -> DemoPlan:
    """What ``load`` would add; ConflictError when the database holds a station's real data."""
    with session_scope(engine, write=False) as s:
        if holds_real_data(s):
            raise ConflictError(QT_TRANSLATE_NOOP(
                "Errors", "This database already holds residents that are not demo data; demo data goes into a new "
                          "database only (e.g. smiledesk demo --db demo.sqlite3). Nothing was added."))
        have = set(loaded(s))
    only = set(wanted) if wanted else None
    keys = [k for k in features.FEATURE_KEYS
            if (only is None or k in only) and features.module(k, "demo") is not None]
    return DemoPlan([k for k in keys if k not in have], [k for k in keys if k in have])


def _mark_loaded(engine, key: str) -> None:
    with session_scope(engine) as s:
        note = _note(s)
        if note is None:
            note = StationSetting(station_id=None, key=LOADED_KEY, value="")
        note.value = ",".join([*[k for k in note.value.split(",") if k and k != key], key])
        s.add(note)


def load(engine, *, scale: str = "small", seed: int = 20261122, wanted: Iterable[str] | None = None,
         progress_for: Callable[[str], Progress] = lambda _key: NO_PROGRESS) -> DemoPlan:
    """Add the demo sets the database lacks (features in ``wanted``, else all), each noted once written."""
    todo = plan(engine, wanted)
    for key in todo.to_load:
        module = features.module(key, "demo")
        assert module is not None  # plan() listed only features that have demo data
        module.generate(engine, scale=scale, seed=seed, progress=progress_for(key))
        _mark_loaded(engine, key)
    if todo.to_load:
        refresh_statistics(engine)  # the tables grew from nothing: plans chosen on the old statistics would be wrong
    return todo
