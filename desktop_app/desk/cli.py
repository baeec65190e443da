"""Desk subcommands: period figures for a report, the overdue list for escalation, recounting day figures.

    smiledesk desk-figures [--from 2026-11-01] [--to 2026-11-30] [--station ID]
    smiledesk desk-overdue
    smiledesk desk-recount      recount desk_day_figure from the records (after an import or a restore)
"""

from __future__ import annotations

import argparse
from datetime import date


def register(sub) -> None:
    f = sub.add_parser("desk-figures", help="desk figures (received, closed, on-time rate, satisfaction) by category")
    f.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    f.add_argument("--from", dest="start", type=date.fromisoformat, help="first day (default: first of this month)")
    f.add_argument("--to", dest="end", type=date.fromisoformat, help="last day (default: today)")
    f.add_argument("--station", type=int, help="only this station id")
    f.set_defaults(func=cmd_figures)
    o = sub.add_parser("desk-overdue", help="open desk records past their deadline (escalation list)")
    o.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    o.set_defaults(func=cmd_overdue)
    r = sub.add_parser("desk-recount", help="recount the desk's day figures from the records")
    r.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    r.set_defaults(func=cmd_recount)


def _engine(args):
    from desktop_app.core.db import url_for
    from desktop_app.features import open_app_database

    return open_app_database(url_for(getattr(args, "db", None)))


def _admin(s):
    from sqlmodel import select

    from desktop_app.core.auth import Actor, Role
    from desktop_app.core.models import StaffUser

    user = s.exec(select(StaffUser).where(StaffUser.role == Role.ADMIN.value, StaffUser.active == True)  # noqa: E712
                  .order_by(StaffUser.id)).first()
    if user is None:
        raise SystemExit("no administrator account yet: open the app once to set up the station")
    return Actor.from_user(user)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def cmd_figures(args) -> int:
    from desktop_app.cli_support import warn_calendar
    from desktop_app.core.db import session_scope
    from desktop_app.core.i18n import translate
    from desktop_app.desk import category_list, day_figures

    end = args.end or date.today()
    start = args.start or end.replace(day=1)
    with session_scope(_engine(args), write=False) as s:
        actor = _admin(s)
        labels = {c.id: category_list.category_label(c) for c in category_list.categories(s, include_inactive=True)}
        rows = day_figures.category_figures(s, actor=actor, start=start, end=end, station_id=args.station)
        warn_calendar(s, start, end)
    print(f"desk figures {start} – {end}")
    print(f"{'category':<22}{'received':>10}{'closed':>10}{'on time':>10}{'followed':>10}{'satisfied':>11}")
    for r in rows:
        name = labels.get(r.category_id, "?") if r.category_id is not None else "total"
        print(f"{name:<22}{r.received:>10,}{r.closed:>10,}{_pct(r.on_time_rate):>10}{r.followed_up:>10,}"
              f"{_pct(r.satisfaction_rate):>11}")
    print()
    print(translate("Desk", day_figures.FIGURE_DEFINITIONS))
    return 0


def cmd_overdue(args) -> int:
    from desktop_app.cli_support import warn_calendar
    from desktop_app.core.clock import fmt_local
    from desktop_app.core.db import session_scope
    from desktop_app.desk import category_list, overdue

    with session_scope(_engine(args), write=False) as s:
        actor = _admin(s)
        labels = {c.id: category_list.category_label(c) for c in category_list.categories(s, include_inactive=True)}
        rows = overdue.overdue(s, actor=actor, limit=10_000)
        warn_calendar(s, *(r.due_at.astimezone() for r in rows), date.today())
    for r in rows:
        flag = " escalated" if r.escalated_at else ""
        print(f"No. {r.id:<8} due {fmt_local(r.due_at, '%Y-%m-%d')}  {r.status:<12}{labels.get(r.category_id, '?'):<14}"
              f"{r.person:<10} {r.summary}  [{r.assignee}]{flag}")
    print(f"{len(rows)} overdue")
    return 0


def cmd_recount(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.desk import day_figures

    with session_scope(_engine(args)) as s:
        n = day_figures.rebuild_day_figures(s, actor=_admin(s))
    print(f"{n} day figures recounted")
    return 0
