"""Personal information (PIPL): who may see which kind of field, audited reveals, export and erasure.

Field classes and what each role sees:

=============  =========  ===========  ==========  =====
class          admin      front_desk   coordinator kiosk
=============  =========  ===========  ==========  =====
id_number      reveal     reveal       masked      hidden
phone          reveal     reveal       masked      hidden
address        full       full         full        hidden
health         full       full         full        hidden
=============  =========  ===========  ==========  =====

"reveal" means masked in lists, the full value on request (every request is audited). Features classify
their own personal columns with ``FIELD_CLASSES`` and show them through ``shown(actor, cls, value)``.

A resident's export and erasure go through every feature that provides ``desktop_app/<key>/privacy.py``
with ``export(s, resident_id) -> dict`` and ``erase(s, resident_id) -> None`` (discovery protocol).
Erasure anonymises the person and free text about them; it never deletes ledger rows, so balances and
anonymous statistics stay as they were.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from desktop_app.core import audit
from desktop_app.core.auth import Actor, Permission, Role, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import mask_id_number, mask_phone
from desktop_app.safety.permissions import REVEAL_FIELD

REVEAL, FULL, MASKED, HIDDEN = "reveal", "full", "masked", "hidden"

VISIBILITY: dict[str, dict[Role, str]] = {
    "id_number": {Role.ADMIN: REVEAL, Role.FRONT_DESK: REVEAL, Role.COORDINATOR: MASKED, Role.KIOSK: HIDDEN},
    "phone": {Role.ADMIN: REVEAL, Role.FRONT_DESK: REVEAL, Role.COORDINATOR: MASKED, Role.KIOSK: HIDDEN},
    "address": {Role.ADMIN: FULL, Role.FRONT_DESK: FULL, Role.COORDINATOR: FULL, Role.KIOSK: HIDDEN},
    "health": {Role.ADMIN: FULL, Role.FRONT_DESK: FULL, Role.COORDINATOR: FULL, Role.KIOSK: HIDDEN},
}

# The resident's own columns by class (features declare theirs the same way in their privacy.py).
RESIDENT_FIELDS = {
    "id_number": "id_number",
    "phone": "phone",
    "emergency_phone": "phone",
    "compound": "address",
    "building": "address",
    "unit": "address",
    "room": "address",
    "disabled": "health",
}

def level(actor: Actor, cls: str) -> str:
    return VISIBILITY[cls].get(actor.role, HIDDEN)


def mask(cls: str, value: Any) -> Any:
    if cls == "id_number":
        return mask_id_number(value or "")
    if cls == "phone":
        return mask_phone(value or "")
    return None


def shown(actor: Actor, cls: str, value: Any) -> Any:
    """What ``actor`` sees of a field of class ``cls`` without asking to reveal it (None: hidden)."""
    lvl = level(actor, cls)
    if lvl == FULL:
        return value
    if lvl in (REVEAL, MASKED):
        return mask(cls, value)
    return None


def resident_view(resident, actor: Actor) -> dict[str, Any]:
    """A resident's fields as ``actor`` may see them: masked or left out according to VISIBILITY."""
    data = resident.model_dump()
    for column, cls in RESIDENT_FIELDS.items():
        value = shown(actor, cls, data.get(column))
        if value is None:
            data.pop(column, None)
        else:
            data[column] = value
    if level(actor, "address") == HIDDEN:
        data.pop("notes", None)
        data.pop("emergency_contact", None)
    return data


def reveal(s: Session, *, actor: Actor, resident_id: int, field: str) -> Any:
    """The full value of one personal field, if the role may see it in full; audited as "reveal"."""
    cls = RESIDENT_FIELDS.get(field)
    if cls is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Field"), QT_TRANSLATE_NOOP("Errors", "{name} is not a personal field that can be revealed."), name=field)
    if cls in ("id_number", "phone"):
        from desktop_app import residents as residents

        return residents.reveal(s, actor=actor, resident_id=resident_id, field=field)
    require(actor, REVEAL_FIELD)
    if level(actor, cls) == HIDDEN:
        require(actor, Permission(REVEAL_FIELD.action, set()))
    from desktop_app import residents as residents

    resident = residents.get_resident(s, actor=actor, resident_id=resident_id)
    audit.record(s, actor=actor, action="reveal", entity="resident", entity_id=resident_id, after={"field": field},
                 subject="")
    return getattr(resident, field)


def record_export(s: Session, *, actor: Actor, what: str, count: int, fields: list[str], destination: str = "") -> None:
    """Audit an export of personal data (a spreadsheet, a route sheet, a printed list) as "export".

    Features call this in the transaction that reads the rows they export: ``what`` names the export
    ("meal route sheet"), ``fields`` the personal fields it contains, ``count`` how many people. Only roles
    that may export lists (``core.exports.record_export`` checks it)."""
    from desktop_app.core.exports import record_export as audited_export

    audited_export(s, actor=actor, what=what, count=count, fields=fields, destination=destination)


# --- discovery ------------------------------------------------------------------------------------


def providers() -> list[tuple[str, Any]]:
    """(feature key, module) of every enabled feature with a privacy.py, residents first."""
    from desktop_app import features

    out = []
    for key in features.FEATURE_KEYS:
        mod = features.module(key, "privacy")
        if mod is not None and hasattr(mod, "export") and hasattr(mod, "erase"):
            out.append((key, mod))
    return out
