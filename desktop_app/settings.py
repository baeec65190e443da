"""Every setting of the app declared once (after picard's options.py): key, default, title, scope.

Two scopes:

* ``"machine"`` — this computer only (language, display style), kept in QSettings. The helpers take
  any object with QSettings' ``value(key, default)`` / ``setValue(key, value)``, so this module stays
  Qt-free.
* ``"station"`` — shared by every computer of the station (the auto-lock rule), kept in the
  ``station_setting`` table and changed only through ``save_station_settings`` (permission
  ``MANAGE_SETTINGS``, audited).

The station's own details (name, code, address, ...) live in the ``station`` table and are changed
with ``update_station_details`` (same permission, audited). Feature settings stay with their
features' services, which validate them: the backup folder (safety), meal cut-off times (meals), the
kiosk PIN (passports), certificate templates (certificates).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import MANAGE_SETTINGS, Actor, first_station, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.models import Station, StationSetting
from desktop_app.core.papers import PaperKind

Scope = Literal["station", "machine"]

GROUP_APPEARANCE = QT_TRANSLATE_NOOP("Settings", "Language and appearance")
GROUP_SECURITY = QT_TRANSLATE_NOOP("Settings", "Security")


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    title: str  # QT_TRANSLATE_NOOP("Settings", ...)
    scope: Scope
    group: str
    help: str = ""
    choices: tuple[tuple[Any, str], ...] = ()  # (stored value, QT_TRANSLATE_NOOP label)
    minimum: int = 0
    maximum: int = 0

    @property
    def kind(self) -> type:
        return type(self.default)


LANGUAGE = Setting(
    "ui/language", "", QT_TRANSLATE_NOOP("Settings", "Language"), "machine", GROUP_APPEARANCE,
    choices=(
        ("", QT_TRANSLATE_NOOP("Settings", "Follow the system / 跟随系统")),
        ("zh_CN", QT_TRANSLATE_NOOP("Settings", "简体中文")),
        ("en", QT_TRANSLATE_NOOP("Settings", "English")),
    ),
)
STYLE = Setting(
    "ui/style", "normal", QT_TRANSLATE_NOOP("Settings", "Display style"), "machine", GROUP_APPEARANCE,
    help=QT_TRANSLATE_NOOP("Settings", "Large text and high contrast help staff and residents who see less well."),
    choices=(
        ("normal", QT_TRANSLATE_NOOP("Settings", "Normal")),
        ("large-text", QT_TRANSLATE_NOOP("Settings", "Large text")),
        ("high-contrast", QT_TRANSLATE_NOOP("Settings", "High contrast (large text, black on white)")),
    ),
)
IDLE_LOCK_MINUTES = Setting(
    "security.idle_lock_minutes", 10,
    QT_TRANSLATE_NOOP("Settings", "Lock the screen after no input for (minutes, 0 = never)"), "station", GROUP_SECURITY,
    help=QT_TRANSLATE_NOOP("Settings", "A rule for the whole station: an unattended screen shows residents' personal data."),
    minimum=0, maximum=240,
)

SETTINGS: tuple[Setting, ...] = (LANGUAGE, STYLE, IDLE_LOCK_MINUTES)
BY_KEY = {s.key: s for s in SETTINGS}
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(s.group for s in SETTINGS))

# Printing, per kind of paper and per PC (ui.printing): the printer last chosen in the print dialog for that
# kind, and the paper size (a QPageSize key such as "A4"; empty: the paper's own size). Chosen in the print
# dialog and in "Today's papers", not in the settings dialog: printer names are this PC's.
GROUP_PRINTING = QT_TRANSLATE_NOOP("Settings", "Printing")
PRINTERS: dict[str, Setting] = {
    kind: Setting(f"printing/{kind}/printer", "", QT_TRANSLATE_NOOP("Settings", "Printer"), "machine", GROUP_PRINTING)
    for kind in PaperKind
}
PAPER_SIZES: dict[str, Setting] = {
    kind: Setting(f"printing/{kind}/paper", "", QT_TRANSLATE_NOOP("Settings", "Paper size"), "machine", GROUP_PRINTING)
    for kind in PaperKind
}

STYLES = tuple(value for value, _ in STYLE.choices)
LANGUAGES = tuple(value for value, _ in LANGUAGE.choices)


def _coerce(setting: Setting, raw: Any) -> Any:
    """Stored text (QSettings ini, StationSetting) back into the setting's type; bad values → default."""
    if raw is None or raw == "" and setting.kind is not str:
        return setting.default
    try:
        if setting.kind is bool:
            value: Any = raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
        elif setting.kind is int:
            value = int(raw)
            if setting.maximum and not setting.minimum <= value <= setting.maximum:
                return setting.default
        else:
            value = str(raw)
    except (TypeError, ValueError):
        return setting.default
    if setting.choices and value not in [v for v, _ in setting.choices]:
        return setting.default
    return value


def check_value(setting: Setting, value: Any) -> Any:
    """A value to save: right type, in range, one of the choices, else ValidationError."""
    label = translate("Settings", setting.title)  # the error names the setting as the dialog shows it
    if setting.kind is bool:
        if not isinstance(value, bool):
            raise ValidationError(label, QT_TRANSLATE_NOOP("Errors", "choose yes or no."))
        return value
    if setting.kind is int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool) or (setting.maximum and not setting.minimum <= number <= setting.maximum):
            raise ValidationError(
                label, QT_TRANSLATE_NOOP("Errors", "enter a whole number from {low} to {high}."),
                low=setting.minimum, high=setting.maximum,
            )
        return number
    text = str(value if value is not None else "").strip()
    if setting.choices and text not in [v for v, _ in setting.choices]:
        raise ValidationError(label, QT_TRANSLATE_NOOP("Errors", "choose one of the listed options."))
    return text


# --- machine settings (QSettings or anything with value()/setValue()) --------------------------------


def get(store, setting: Setting) -> Any:
    """A machine setting's value from QSettings (the default when unset or unreadable)."""
    assert setting.scope == "machine", setting.key
    return _coerce(setting, store.value(setting.key, None))


def put(store, setting: Setting, value: Any) -> Any:
    assert setting.scope == "machine", setting.key
    clean = check_value(setting, value)
    store.setValue(setting.key, clean)
    return clean


# --- station settings (StationSetting rows, shared by every computer) -------------------------------


def _rows(s: Session, station_id: int | None) -> dict[str, StationSetting]:
    keys = [x.key for x in SETTINGS if x.scope == "station"]
    query = select(StationSetting).where(col(StationSetting.key).in_(keys))
    if station_id is not None:
        query = query.where(StationSetting.station_id == station_id)
    return {r.key: r for r in s.exec(query.order_by(col(StationSetting.id)))}


def _station_id(s: Session, actor: Actor) -> int | None:
    if actor.station_id is not None:
        return actor.station_id
    station = first_station(s)
    return station.id if station else None


def station_values(s: Session, station_id: int | None = None) -> dict[str, Any]:
    """Every station setting's value (defaults where none was saved). Anyone signed in may read them."""
    if station_id is None:
        station = first_station(s)
        station_id = station.id if station else None
    rows = _rows(s, station_id)
    return {x.key: _coerce(x, rows[x.key].value if x.key in rows else None) for x in SETTINGS if x.scope == "station"}


def station_value(s: Session, setting: Setting, station_id: int | None = None) -> Any:
    assert setting.scope == "station", setting.key
    return station_values(s, station_id)[setting.key]


def save_station_settings(s: Session, *, actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """Change station-wide settings (administrators only); the change is audited, nothing is half saved."""
    require(actor, MANAGE_SETTINGS)
    station_id = _station_id(s, actor)
    clean: dict[str, Any] = {}
    for key, value in values.items():
        setting = BY_KEY.get(key)
        if setting is None or setting.scope != "station":
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Unknown station setting {key}."), key=key)
        clean[key] = check_value(setting, value)
    before = station_values(s, station_id)
    rows = _rows(s, station_id)
    changed = {k: v for k, v in clean.items() if before[k] != v}
    for key, value in changed.items():
        row = rows.get(key) or StationSetting(station_id=station_id, key=key, value="")
        row.value = str(value)
        s.add(row)
    if changed:
        s.flush()
        audit.record(
            s, actor=actor, action="update", entity="station_setting", entity_id=station_id or "",
            before={k: before[k] for k in changed}, after=changed,
        )
    return station_values(s, station_id)


# --- the station's details (station table) -----------------------------------------------------------

STATION_FIELDS = {
    "name": (QT_TRANSLATE_NOOP("Fields", "Station name"), 100),
    "code": (QT_TRANSLATE_NOOP("Fields", "Station code"), 10),
    "sub_district": (QT_TRANSLATE_NOOP("Fields", "Sub-district"), 100),
    "address": (QT_TRANSLATE_NOOP("Fields", "Address"), 200),
    "phone": (QT_TRANSLATE_NOOP("Fields", "Phone"), 40),
}


@dataclass(frozen=True)
class StationDetails:
    name: str
    code: str
    sub_district: str = ""
    address: str = ""
    phone: str = ""


def station_details(s: Session, station_id: int | None = None) -> StationDetails | None:
    """A station's details (``station_id``; the first station when None, as on a one-station file)."""
    station = s.get(Station, station_id) if station_id is not None else first_station(s)
    if station is None:
        return None
    return StationDetails(station.name, station.code, station.sub_district, station.address, station.phone)


def station_name(s: Session, station_id: int | None = None) -> str:
    """The name printed on the window, PDFs and certificates: station ``station_id``'s (on a sub-district
    server each station's own), else the first station's (one-station databases, the sign-in dialog, a
    sub-district administrator); "" before the first-run set-up."""
    station = s.get(Station, station_id) if station_id is not None else None
    station = station or first_station(s)
    return station.name if station else ""


def station_version(s: Session, station_id: int | None = None) -> int | None:
    """The version of the station's details (``station_details``' station): a dialog keeps it and hands it back
    as ``expected_version``."""
    station = s.get(Station, station_id) if station_id is not None else first_station(s)
    return station.version if station is not None else None


def update_station_details(s: Session, *, actor: Actor, details: StationDetails,
                           expected_version: int | None = None) -> StationDetails:
    """Change the station's name, code, sub-district, address, phone (administrators only; audited).

    ``expected_version``: the version the caller loaded; StaleEdit (who saved in between, and when) when the
    details were saved since, and nothing is written."""
    from desktop_app.core.records import check_version

    require(actor, MANAGE_SETTINGS)
    station = s.get(Station, actor.station_id) if actor.station_id else first_station(s)
    if station is None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "No station is set up yet; finish the first-start set-up."))
    station = s.exec(select(Station).where(col(Station.id) == station.id).with_for_update()).one()
    check_version(s, station, expected_version, entity="station")
    clean = {}
    for name, (label, max_len) in STATION_FIELDS.items():
        text = " ".join(str(getattr(details, name) or "").split())
        if len(text) > max_len:
            raise ValidationError(label, QT_TRANSLATE_NOOP("Errors", "is too long: at most {n} characters."), n=max_len)
        clean[name] = text
    if not clean["name"]:
        raise ValidationError(
            STATION_FIELDS["name"][0], QT_TRANSLATE_NOOP("Errors", "enter the station's name (1–100 characters).")
        )
    clean["code"] = clean["code"].upper()
    if not (clean["code"] and clean["code"].isascii() and clean["code"].isalnum()):
        raise ValidationError(STATION_FIELDS["code"][0], QT_TRANSLATE_NOOP("Errors", "use 1–10 letters or digits, e.g. SQK."))
    before = station_details(s, station.id)
    for name, value in clean.items():
        setattr(station, name, value)
    after = station_details(s, station.id)
    assert after is not None  # the station was just saved
    if after != before:
        station.version = (station.version or 0) + 1
    s.add(station)
    s.flush()
    if after != before:
        audit.record(s, actor=actor, action="update", entity="station", entity_id=station.id, before=before, after=after)
    return after
