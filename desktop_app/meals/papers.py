"""Long work the meals page runs with a progress dialog (ui.ops.run_op): generating a day's orders, and
the papers it prints — each read in one transaction, then drawn off the GUI thread.

Every function takes the engine and opens its own transactions (work for ``run_op(parent, work, ...)``
is ``lambda progress: papers.x(engine, ..., progress=progress)``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.core.auth import Actor
from desktop_app.core.db import session_scope
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.meals import excel, pdf
from desktop_app.meals.deliveries import routes
from desktop_app.meals.orders import GenerateResult, day_orders, generate_orders
from desktop_app.meals.statements import claim_details, month_statements, statement, subsidy_claim


def generate_day(engine, *, actor: Actor, day: date, progress: Progress = NO_PROGRESS) -> GenerateResult:
    with session_scope(engine) as s:
        return generate_orders(s, actor=actor, day=day, progress=progress)


def route_sheets(engine, *, actor: Actor, day: date, meal: str, target: Path, station: str = "",
                 progress: Progress = NO_PROGRESS) -> Path:
    with session_scope(engine, write=False) as s:
        rts = routes(s, actor=actor, day=day, meal=meal)
    return pdf.route_sheets(rts, target, station=station, progress=progress)


def meal_labels(engine, *, actor: Actor, day: date, meal: str, target: Path, progress: Progress = NO_PROGRESS) -> Path:
    with session_scope(engine, write=False) as s:
        rows = day_orders(s, actor=actor, day=day, meal=meal, include_cancelled=False)
    return pdf.labels(rows, target)


def one_statement(engine, *, actor: Actor, recipient_id: int, year: int, month: int, target: Path, station: str = "",
                  progress: Progress = NO_PROGRESS) -> list[Path]:
    with session_scope(engine, write=False) as s:
        st = statement(s, actor=actor, recipient_id=recipient_id, year=year, month=month)
    return [pdf.statements([st], target, station=station, progress=progress)]


def all_statements(engine, *, actor: Actor, year: int, month: int, target: Path, station: str = "",
                   progress: Progress = NO_PROGRESS) -> list[Path]:
    with session_scope(engine, write=False) as s:
        items = month_statements(s, actor=actor, year=year, month=month, progress=progress)
    return [pdf.statements(items, target, station=station, progress=progress)]


def claim(engine, *, actor: Actor, year: int, month: int, folder: Path, station: str = "",
          progress: Progress = NO_PROGRESS) -> list[Path]:
    """The month's subsidy claim as a PDF and as an Excel workbook with the per-recipient details."""
    with session_scope(engine, write=False) as s:
        cl = subsidy_claim(s, actor=actor, year=year, month=month)
        details = claim_details(s, actor=actor, year=year, month=month)
    progress(1, 2, "")
    a = pdf.claim(cl, folder / pdf.file_name("claim", f"{year}-{month:02d}"), station=station)
    b = excel.claim_xlsx(cl, details, folder / pdf.file_name("claim", f"{year}-{month:02d}", suffix=".xlsx"), station=station)
    return [a, b]
