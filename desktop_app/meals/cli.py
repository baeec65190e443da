"""Meal subcommands: the morning's work from a scheduled task, and a ledger check.

    smiledesk meals-day [--date 2026-03-02] [--out DIR] [--user NAME]   orders, kitchen counts, route sheets, labels
    smiledesk meals-check                                               balances (snapshot + tail) equal ledger sums
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(sub) -> None:
    d = sub.add_parser("meals-day", help=QT_TRANSLATE_NOOP("CliHelp", "generate a day's meal orders and write route sheets and labels"))
    d.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    d.add_argument("--date", dest="day", type=date.fromisoformat, help=QT_TRANSLATE_NOOP("CliHelp", "default: today"))
    d.add_argument("--out", default=".", help=QT_TRANSLATE_NOOP("CliHelp", "folder for the PDFs (default: current folder)"))
    d.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the work is logged under (default: the first administrator)"))
    d.set_defaults(func=cmd_day)
    c = sub.add_parser("meals-check", help=QT_TRANSLATE_NOOP("CliHelp", "check that every meal account balance equals the sum of its ledger entries"))
    c.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    c.set_defaults(func=cmd_check)


from desktop_app.cli_support import actor_for as _actor  # noqa: E402
from desktop_app.cli_support import engine_from_args as _engine  # noqa: E402
from desktop_app.cli_support import warn_calendar  # noqa: E402
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate  # noqa: E402


def cmd_day(args) -> int:
    from sqlmodel import col, select

    from desktop_app.core.db import session_scope
    from desktop_app.core.errors import SmileDeskError
    from desktop_app.core.models import Station
    from desktop_app.meals import pdf
    from desktop_app.meals.deliveries import routes
    from desktop_app.meals.models import DIETS, MEALS
    from desktop_app.meals.orders import day_orders, generate_orders, kitchen_sheet

    engine = _engine(args)
    day = args.day or date.today()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        with session_scope(engine) as s:
            actor = _actor(s, args.user)
            res = generate_orders(s, actor=actor, day=day)
            warn_calendar(s, day)
        with session_scope(engine, write=False) as s:
            sheet = kitchen_sheet(s, actor=actor, day=day)
            station = s.exec(select(Station.name).order_by(col(Station.id))).first() or ""
            papers = {}
            for meal in MEALS:
                papers[meal] = (routes(s, actor=actor, day=day, meal=meal),
                                day_orders(s, actor=actor, day=day, meal=meal, include_cancelled=False))
    except SmileDeskError as exc:
        print(exc.text())
        return 1
    if res.holiday:
        print(translate("MealsCli", "{day}: statutory holiday ({holiday}); no orders").format(day=day, holiday=res.holiday))
        return 0
    print(translate("MealsCli", "{day}: new orders {created}, already there {existing}, paused {paused}").format(
        day=day, created=res.created, existing=res.existing, paused=res.paused))
    if res.short:
        print(translate("MealsCli", "not ordered, balance too low: {names}").format(names=join(res.short)))
    for meal in MEALS:
        c = sheet.counts[meal]
        diets = join(f"{pdf.diet_text([d])} {c[d]}" for d in DIETS if c[d])
        line = translate("MealsCli", "{meal}: meals {total} (delivery {delivery}, dine-in {dine_in})").format(
            meal=pdf.meal_label(meal), total=c["total"], delivery=c["delivery"], dine_in=c["dine_in"])
        print("  " + line + (translate("Lists", "; ") + diets if diets else ""))
        rts, rows = papers[meal]
        if rows:
            a = pdf.route_sheets(rts, out / pdf.file_name("routes", day.isoformat(), meal), station=station)
            b = pdf.labels(rows, out / pdf.file_name("labels", day.isoformat(), meal))
            print(f"    {a}\n    {b}")
    return 0


def cmd_check(args) -> int:
    from sqlmodel import col, func, select

    from desktop_app.core.db import session_scope
    from desktop_app.meals.accounts import balances
    from desktop_app.meals.models import MealLedgerEntry

    engine = _engine(args)
    with session_scope(engine, write=False) as s:
        fast = balances(s)
        full = dict(s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                           .group_by(col(MealLedgerEntry.recipient_id))).all())
    wrong = {rid for rid in set(fast) | set(full) if fast.get(rid, 0) != full.get(rid, 0)}
    for rid in sorted(wrong):
        print(translate("MealsCli", "recipient {id}: balance read {balance} fen, ledger sums to {sum} fen").format(
            id=rid, balance=fast.get(rid, 0), sum=full.get(rid, 0)))
    print(translate("MealsCli", "accounts checked: {n}; problems: {problems}").format(n=len(full), problems=len(wrong)))
    return 1 if wrong else 0
