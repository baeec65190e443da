"""Desk categories (editable reference data): what a visit is about, its deadline in working days, whether it
is settled on the spot, and the order the desk's number keys follow. Admins edit them."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.records import audited_update
from desktop_app.core.validation import clean_text
from desktop_app.desk.models import DeskCategory
from desktop_app.desk.permissions import MANAGE_CATEGORIES

F_CATEGORY = QT_TRANSLATE_NOOP("Fields", "Category")
BLANK_CATEGORY = QT_TRANSLATE_NOOP("Errors", "not chosen; press the category's number key or pick it from the list.")
F_DEADLINE = QT_TRANSLATE_NOOP("Fields", "Deadline (working days)")
F_CATEGORY_NAME = QT_TRANSLATE_NOOP("Fields", "Category name")


CATEGORY_CODES = (
    "agency_service", "consultation", "request", "complaint", "mediation",
    "legal_aid", "health", "convenience", "micro_wish", "other",
)


def categories(s: Session, *, include_inactive: bool = False) -> list[DeskCategory]:
    q = select(DeskCategory).order_by(col(DeskCategory.position), col(DeskCategory.id))
    if not include_inactive:
        q = q.where(DeskCategory.active == True)  # noqa: E712
    return list(s.exec(q))


def category_label(cat: DeskCategory) -> str:
    """The category's name in the user's language (seeded names are translated; station names as typed)."""
    return translate("DeskCategories", cat.name)


def _category(s: Session, code: str) -> DeskCategory:
    code = (code or "").strip()
    if not code:
        raise ValidationError(F_CATEGORY, BLANK_CATEGORY)
    cat = s.exec(select(DeskCategory).where(DeskCategory.code == code)).first()
    if cat is None:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is not a known category; choose one from the list."), code=code[:30]
        )
    if not cat.active:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is no longer in use; choose another category."), code=code
        )
    return cat


def add_category(s: Session, *, actor: Actor, name: str, deadline_workdays: int = 10,
                 on_the_spot: bool = False) -> DeskCategory:
    """A station's own category (code ``station_N``), placed after the others (admins only)."""
    require(actor, MANAGE_CATEGORIES)
    name = clean_text(name, F_CATEGORY_NAME, max_len=50, required=True, multiline=False)
    _check_deadline(deadline_workdays)
    existing = list(s.exec(select(DeskCategory)))
    if any(category_label(c) == name or c.name == name for c in existing):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "A category named “{name}” already exists."), name=name)
    n = 1 + sum(1 for c in existing if c.code.startswith("station_"))
    cat = DeskCategory(code=f"station_{n}", name=name, deadline_workdays=deadline_workdays, on_the_spot=bool(on_the_spot),
                       position=1 + max((c.position for c in existing), default=0))
    s.add(cat)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="desk_category", entity_id=cat.id, after=cat)
    return cat


def _check_deadline(value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 60:
        raise ValidationError(F_DEADLINE, QT_TRANSLATE_NOOP("Errors", "must be a whole number of working days from 0 to 60."))


def update_category(
    s: Session, *, actor: Actor, code: str, name: str | None = None, deadline_workdays: int | None = None,
    on_the_spot: bool | None = None, active: bool | None = None, expected_version: int | None = None,
) -> DeskCategory:
    """Edit a category's name, deadline, on-the-spot flag or whether it is offered (admins only); refused with
    StaleEdit when it was changed after ``expected_version`` was read."""
    require(actor, MANAGE_CATEGORIES)
    cat = s.exec(select(DeskCategory).where(DeskCategory.code == code).with_for_update()).first()
    if cat is None:
        raise ValidationError(
            F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "“{code}” is not a known category; choose one from the list."), code=code[:30]
        )
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = clean_text(name, F_CATEGORY_NAME, max_len=50, required=True, multiline=False)
    if deadline_workdays is not None:
        _check_deadline(deadline_workdays)
        changes["deadline_workdays"] = deadline_workdays
    if on_the_spot is not None:
        changes["on_the_spot"] = bool(on_the_spot)
    if active is not None:
        changes["active"] = bool(active)
    return audited_update(s, cat, changes, actor=actor, entity="desk_category", expected_version=expected_version)
