"""Roster subcommands: fill a month from the terminal, print a day's patrols for the WeChat group.

    smiledesk roster-solve --month 2026-12 [--team 小红帽巡逻队] [--seconds 8] [--dry-run]
    smiledesk roster-text [--date 2026-11-24] [--team 小红帽巡逻队]
    smiledesk patrols-close [--user NAME]          close patrols nobody checked out of (a scheduled task)
    smiledesk hours-national --out FILE.xlsx       hours not yet recorded in the national volunteer system
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta


def register(sub) -> None:
    p = sub.add_parser("roster-solve", help=QT_TRANSLATE_NOOP("CliHelp", "create the shifts of a month and fill them (explains any shortfall)"))
    p.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    p.add_argument("--month", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "YYYY-MM"))
    p.add_argument("--team", help=QT_TRANSLATE_NOOP("CliHelp", "team name (default: every patrol team)"))
    p.add_argument("--seconds", type=float, default=5.0, help=QT_TRANSLATE_NOOP("CliHelp", "CP-SAT time limit after the greedy fill"))
    p.add_argument("--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "solve and report, save nothing"))
    p.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the change is logged under (default: the first administrator)"))
    p.set_defaults(func=cmd_solve)

    t = sub.add_parser("roster-text", help=QT_TRANSLATE_NOOP("CliHelp", "print a day's patrols as text for the team's WeChat group"))
    t.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    t.add_argument("--date", type=date.fromisoformat, help=QT_TRANSLATE_NOOP("CliHelp", "default: tomorrow"))
    t.add_argument("--team", help=QT_TRANSLATE_NOOP("CliHelp", "team name (default: every team)"))
    t.set_defaults(func=cmd_text)

    c = sub.add_parser("patrols-close", help=QT_TRANSLATE_NOOP("CliHelp", "close patrols nobody checked out of, two hours after their end "
                                             "(hours credited, flagged for a coordinator)"))
    c.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    c.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the change is logged under (default: the first administrator)"))
    c.set_defaults(func=cmd_close)

    n = sub.add_parser("hours-national", help=QT_TRANSLATE_NOOP("CliHelp", "hours not yet recorded in the national volunteer system, with their "
                                              "deadlines, in the national system's columns (.xlsx or .csv)"))
    n.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    n.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "file to write (.xlsx or .csv)"))
    n.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the export is logged under (default: the first administrator)"))
    n.set_defaults(func=cmd_national)


from desktop_app.cli_support import actor_for as _actor  # noqa: E402
from desktop_app.cli_support import engine_from_args as _engine  # noqa: E402
from desktop_app.cli_support import warn_calendar  # noqa: E402
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate  # noqa: E402

CLOSED = QT_TRANSLATE_NOOP("RostersCommands", "{n} check-in(s) closed at the patrol's scheduled end; a coordinator "
                                              "confirms them on the rosters page (Hours).")
EXPORTED = QT_TRANSLATE_NOOP("RostersCommands", "{n} hours entries not yet recorded written to {path}: {late} past the "
                                                "10-working-day deadline, {soon} due within 3 working days.")


def _language(args) -> None:
    """What these commands print, in the chosen language (--lang, else the saved setting, else the system's: the
    same as desktop_app.cli.main installs for every command)."""
    from desktop_app.ui.translation import chosen_language, install_for_command_line

    install_for_command_line(chosen_language(getattr(args, "lang", None)))


def _teams(s, actor, name: str | None, kind: str | None = "patrol"):
    from desktop_app.rosters.teams import list_teams

    teams = list_teams(s, actor=actor, kind=None if name else kind)
    if name:
        teams = [t for t in teams if t.name == name]
        if not teams:
            raise SystemExit(translate("RostersCli", "no team called {name}").format(name=name))
    return teams


def cmd_solve(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.core.errors import SmileDeskError
    from desktop_app.core.periods import Period
    from desktop_app.core.progress import terminal_progress
    from desktop_app.rosters.month import propose_roster, save_roster
    from desktop_app.rosters.shifts import generate_shifts

    try:
        year, month = (int(x) for x in args.month.split("-"))
        period = Period.month(year, month)
    except ValueError:
        raise SystemExit(translate("RostersCli", "--month must look like 2026-12")) from None
    engine = _engine(args)
    with session_scope(engine, write=False) as s:
        actor = _actor(s, args.user)
        teams = _teams(s, actor, args.team)
        warn_calendar(s, period.start, period.last_day)
    status = 0
    for team in teams:
        try:
            with session_scope(engine) as s:
                made = generate_shifts(s, actor=actor, team_id=team.id, start=period.start, end=period.last_day)
            with session_scope(engine, write=False) as s:
                prop = propose_roster(s, actor=actor, team_ids=[team.id], start=period.start, end=period.last_day, time_limit=args.seconds,
                                              progress=terminal_progress(f"{team.name} "), keep_before=date.today())
            if not args.dry_run:
                with session_scope(engine) as s:
                    save_roster(s, actor=actor, proposal=prop)
        except SmileDeskError as exc:
            print(f"{team.name}: {exc.text()}")
            status = 1
            continue
        print(translate("RostersCli", "{team}: shifts created {made} (shifts not yet worked follow the holiday calendar); "
                                      "filled in {seconds} s; patrols short {short}; "
                                      "fairness spread {all}/{evening}/{holiday}").format(
            team=team.name, made=made, seconds=f"{prop.seconds:.1f}", short=len(prop.gaps), all=prop.spread["all"],
            evening=prop.spread["evening"], holiday=prop.spread["holiday"])
              + (translate("RostersCli", " — not saved (dry run)") if args.dry_run else ""))
        for sf in prop.shortfalls:
            print("  " + sf.text())
        status = status or (1 if prop.gaps else 0)
    return status


def cmd_text(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.rosters.sharing import wechat_text

    day = args.date or date.today() + timedelta(days=1)
    engine = _engine(args)
    with session_scope(engine, write=False) as s:
        actor = _actor(s, None)
        teams = _teams(s, actor, args.team)
        print("\n\n".join(wechat_text(s, actor=actor, day=day, team_id=t.id) for t in teams))
    return 0


def cmd_close(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.rosters.forgotten import close_forgotten

    _language(args)
    engine = _engine(args)
    with session_scope(engine) as s:
        entries = close_forgotten(s, actor=_actor(s, args.user))
    print(translate("RostersCommands", CLOSED, n=len(entries)))
    return 0


def cmd_national(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.rosters import national

    _language(args)
    engine = _engine(args)
    with session_scope(engine) as s:
        actor = _actor(s, args.user)
        n = national.export_unrecorded(s, actor=actor, target=args.out)
        due = national.due(s, actor=actor)
        warn_calendar(s, *{r.deadline for r in national.unrecorded(s, actor=actor)})
    print(translate("RostersCommands", EXPORTED, n=n, path=args.out, late=due.overdue, soon=due.due_soon))
    return 1 if due.overdue else 0
