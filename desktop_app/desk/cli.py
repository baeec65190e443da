"""Desk subcommands: period figures for a report, the overdue list for escalation, recounting day figures.

    smiledesk desk-figures [--from 2026-11-01] [--to 2026-11-30] [--station ID]
    smiledesk desk-overdue
    smiledesk desk-recount      recount desk_day_figure from the records (after an import or a restore)
"""

from __future__ import annotations

import argparse
from datetime import date

from desktop_app.core.i18n import QT_TRANSLATE_NOOP


def register(sub) -> None:
    f = sub.add_parser("desk-figures", help=QT_TRANSLATE_NOOP("CliHelp", "desk figures (received, closed, on-time rate, satisfaction) by category"))
    f.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    f.add_argument("--from", dest="start", type=date.fromisoformat, help=QT_TRANSLATE_NOOP("CliHelp", "first day (default: first of this month)"))
    f.add_argument("--to", dest="end", type=date.fromisoformat, help=QT_TRANSLATE_NOOP("CliHelp", "last day (default: today)"))
    f.add_argument("--station", type=int, help=QT_TRANSLATE_NOOP("CliHelp", "only this station id"))
    f.set_defaults(func=cmd_figures)
    o = sub.add_parser("desk-overdue", help=QT_TRANSLATE_NOOP("CliHelp", "open desk records past their deadline (escalation list)"))
    o.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    o.set_defaults(func=cmd_overdue)
    r = sub.add_parser("desk-recount", help=QT_TRANSLATE_NOOP("CliHelp", "recount the desk's day figures from the records"))
    r.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    r.set_defaults(func=cmd_recount)


def _engine(args):
    from desktop_app.core.db import url_for
    from desktop_app.features import open_app_database

    return open_app_database(url_for(getattr(args, "db", None)))


def _admin(s):
    from desktop_app.cli_support import actor_for

    return actor_for(s, None)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def cmd_figures(args) -> int:
    from desktop_app.cli_support import warn_calendar
    from desktop_app.core.db import session_scope
    from desktop_app.core.i18n import translate
    from desktop_app.core.textwidth import table
    from desktop_app.desk import category_list, day_figures

    end = args.end or date.today()
    start = args.start or end.replace(day=1)
    with session_scope(_engine(args), write=False) as s:
        actor = _admin(s)
        labels = {c.id: category_list.category_label(c) for c in category_list.categories(s, include_inactive=True)}
        rows = day_figures.category_figures(s, actor=actor, start=start, end=end, station_id=args.station)
        warn_calendar(s, start, end)
    print(translate("DeskCli", "desk figures {start} – {end}").format(start=start, end=end))
    head = [translate("DeskCli", "category"), translate("DeskCli", "received"), translate("DeskCli", "closed"),
            translate("DeskCli", "on time"), translate("DeskCli", "followed up"), translate("DeskCli", "satisfied")]
    body = [[labels.get(r.category_id, "?") if r.category_id is not None else translate("DeskCli", "total"),
             f"{r.received:,}", f"{r.closed:,}", _pct(r.on_time_rate), f"{r.followed_up:,}", _pct(r.satisfaction_rate)]
            for r in rows]
    for line in table([head, *body], right=range(1, 6)):
        print(line)
    print()
    print(translate("Desk", day_figures.FIGURE_DEFINITIONS))
    return 0


def cmd_overdue(args) -> int:
    from desktop_app.cli_support import warn_calendar
    from desktop_app.core.clock import fmt_local
    from desktop_app.core.db import session_scope
    from desktop_app.core.i18n import translate
    from desktop_app.core.textwidth import table
    from desktop_app.desk import category_list, overdue
    from desktop_app.desk.models import STATUS_LABELS

    with session_scope(_engine(args), write=False) as s:
        actor = _admin(s)
        labels = {c.id: category_list.category_label(c) for c in category_list.categories(s, include_inactive=True)}
        rows = overdue.overdue(s, actor=actor, limit=10_000)
        warn_calendar(s, *(r.due_at.astimezone() for r in rows), date.today())
    head = [translate("DeskCli", "No."), translate("DeskCli", "due"), translate("DeskCli", "status"),
            translate("DeskCli", "category"), translate("DeskCli", "person"), translate("DeskCli", "handled by"),
            translate("DeskCli", "request")]
    body = [[str(r.id), fmt_local(r.due_at, "%Y-%m-%d"),
             translate("DeskStatus", STATUS_LABELS.get(str(r.status), str(r.status)))
             + (" " + translate("DeskCli", "(escalated)") if r.escalated_at else ""),
             labels.get(r.category_id, "?"), r.person, r.assignee, r.summary] for r in rows]
    for line in table([head, *body] if body else [], right=(0,)):
        print(line)
    print(translate("DeskCli", "overdue: {n}").format(n=len(rows)))
    return 0


def cmd_recount(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.core.i18n import translate
    from desktop_app.desk import day_figures

    with session_scope(_engine(args)) as s:
        n = day_figures.rebuild_day_figures(s, actor=_admin(s))
    print(translate("DeskCli", "day figures recounted: {n}").format(n=n))
    return 0
