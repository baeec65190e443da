"""Long work the meals page runs with a progress dialog (ui.ops.run_op): generating a day's orders, and
the papers it prints — each read in one transaction, then drawn off the GUI thread.

Every function takes the engine and opens its own transactions (work for ``run_op(parent, work, ...)``
is ``lambda progress: papers.x(engine, ..., progress=progress)``). Papers come back as ``core.papers.Paper``
(the PDF and what the audit log records when it is printed) for ``ui.printing``'s preview; the morning's
papers in print order are ``morning_papers`` (kitchen sheet, route sheets, labels — "Today's papers")."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

from sqlmodel import Session

from desktop_app.core.auth import Actor, first_station
from desktop_app.core.db import session_scope
from desktop_app.core.models import Station
from desktop_app.core.papers import Paper, PaperKind
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.meals import excel, kitchen_pdf, pdf
from desktop_app.meals.deliveries import routes
from desktop_app.meals.models import MEALS
from desktop_app.meals.orders import GenerateResult, day_orders, generate_orders, kitchen_sheet
from desktop_app.meals.statements import claim_details, month_statements, statement, subsidy_claim


def generate_day(engine, *, actor: Actor, day: date, progress: Progress = NO_PROGRESS) -> GenerateResult:
    with session_scope(engine) as s:
        return generate_orders(s, actor=actor, day=day, progress=progress)


def _station(s: Session, actor: Actor) -> str:
    station = (s.get(Station, actor.station_id) if actor.station_id is not None else None) or first_station(s)
    return station.name if station else ""


def _title(key: str, *parts: object) -> str:
    return " ".join([pdf._t(key), *(str(p) for p in parts if p)])


def route_sheets(engine, *, actor: Actor, day: date, meal: str, progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        rts = routes(s, actor=actor, day=day, meal=meal)
        station = _station(s, actor)
    data = BytesIO()
    pdf.route_sheets(rts, data, station=station, progress=progress)
    return Paper(PaperKind.ROUTES, _title("route_title", day.isoformat(), pdf.meal_label(meal)), data.getvalue(),
                 people=sum(len(r.stops) for r in rts))


def meal_labels(engine, *, actor: Actor, day: date, meal: str, skip: int = 0, progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        rows = day_orders(s, actor=actor, day=day, meal=meal, include_cancelled=False)
    progress(0, 1, "")
    data = BytesIO()
    pdf.labels(rows, data, skip=skip)
    return Paper(PaperKind.LABELS, _title("labels_title", day.isoformat(), pdf.meal_label(meal)), data.getvalue(),
                 people=len(rows))


def kitchen(engine, *, actor: Actor, day: date, progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        sheet = kitchen_sheet(s, actor=actor, day=day)
        station = _station(s, actor)
    progress(0, 1, "")
    return Paper(PaperKind.KITCHEN, f"{kitchen_pdf._t('title')} {day.isoformat()}",
                 kitchen_pdf.kitchen_sheet(sheet, station=station), people=sum(len(v) for v in sheet.avoid.values()))


def one_statement(engine, *, actor: Actor, recipient_id: int, year: int, month: int,
                  progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        st = statement(s, actor=actor, recipient_id=recipient_id, year=year, month=month)
        station = _station(s, actor)
    data = BytesIO()
    pdf.statements([st], data, station=station, progress=progress)
    return Paper(PaperKind.STATEMENT, _title("statement_title", f"{year}-{month:02d}", st.name), data.getvalue(),
                 people=1, entity="meal_recipient", entity_id=str(recipient_id))


def all_statements(engine, *, actor: Actor, year: int, month: int, progress: Progress = NO_PROGRESS) -> Paper:
    with session_scope(engine, write=False) as s:
        items = month_statements(s, actor=actor, year=year, month=month, progress=progress)
        station = _station(s, actor)
    data = BytesIO()
    pdf.statements(items, data, station=station, progress=progress)
    return Paper(PaperKind.STATEMENT, _title("statement_title", f"{year}-{month:02d}"), data.getvalue(), people=len(items))


def claim(engine, *, actor: Actor, year: int, month: int, progress: Progress = NO_PROGRESS) -> Paper:
    """The month's subsidy claim (figures per tier, no personal data)."""
    with session_scope(engine, write=False) as s:
        cl = subsidy_claim(s, actor=actor, year=year, month=month)
        station = _station(s, actor)
    progress(0, 1, "")
    data = BytesIO()
    pdf.claim(cl, data, station=station)
    return Paper(PaperKind.CLAIM, _title("claim_title", f"{year}-{month:02d}"), data.getvalue())


def claim_workbook(engine, *, actor: Actor, year: int, month: int, folder: Path, progress: Progress = NO_PROGRESS) -> Path:
    """The claim's Excel workbook with the per-recipient check list behind it, written into ``folder``."""
    with session_scope(engine, write=False) as s:
        cl = subsidy_claim(s, actor=actor, year=year, month=month)
        details = claim_details(s, actor=actor, year=year, month=month)
        station = _station(s, actor)
    progress(1, 2, "")
    return excel.claim_xlsx(cl, details, folder / pdf.file_name("claim", f"{year}-{month:02d}", suffix=".xlsx"), station=station)


def morning_papers(engine, *, actor: Actor, day: date, label_skip: int = 0, progress: Progress = NO_PROGRESS) -> list[Paper]:
    """What the morning needs from meals, in print order: the kitchen sheet, each meal's route sheets, each
    meal's labels (``label_skip`` places of the first sheet already used). Nothing when no meal is ordered."""
    with session_scope(engine, write=False) as s:
        ordered = {meal: bool(day_orders(s, actor=actor, day=day, meal=meal, include_cancelled=False)) for meal in MEALS}
    meals = [m for m in MEALS if ordered[m]]
    if not meals:
        return []
    out = [kitchen(engine, actor=actor, day=day, progress=progress)]
    out += [route_sheets(engine, actor=actor, day=day, meal=m, progress=progress) for m in meals]
    for i, m in enumerate(meals):
        out.append(meal_labels(engine, actor=actor, day=day, meal=m, skip=label_skip if i == 0 else 0, progress=progress))
    return out
