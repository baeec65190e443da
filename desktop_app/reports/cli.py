"""Report and import subcommands.

    smiledesk report --month 2026-10 [--out FILE.pdf] [--xlsx FILE.xlsx] [--station ID]
    smiledesk report --year 2026 --out 2026.pdf
    smiledesk import FILE --kind residents|volunteers|meal_recipients [--dry-run] [--sheet NAME]
                     [--team NAME] [--map "老人名字=name" ...] [--user NAME]

``import`` reads .xlsx, .xlsm, .xls, .et and .ods files, always checks first and prints the rows it would
add, update, skip and reject (with the same messages as the import dialog); without --dry-run it then
imports in batches (Ctrl+C keeps the batches written and says up to which row) and exits 1 when rows were
rejected, 130 when cancelled.
"""

from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    r = sub.add_parser("report", help=QT_TRANSLATE_NOOP("CliHelp", "monthly or annual report as PDF and/or Excel"))
    r.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    when = r.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", help=QT_TRANSLATE_NOOP("CliHelp", "the month, e.g. 2026-10"))
    when.add_argument("--year", help=QT_TRANSLATE_NOOP("CliHelp", "the year, e.g. 2026"))
    r.add_argument("--out", help=QT_TRANSLATE_NOOP("CliHelp", "PDF file (default: <station>-<period>.pdf unless only --xlsx is given)"))
    r.add_argument("--xlsx", help=QT_TRANSLATE_NOOP("CliHelp", "also (or only) write the figures as an Excel workbook"))
    r.add_argument("--station", type=int, help=QT_TRANSLATE_NOOP("CliHelp", "station id (default: the user's station; all for a sub-district account)"))
    r.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the report is made under (default: the first administrator)"))
    r.set_defaults(func=cmd_report)

    i = sub.add_parser("import", help=QT_TRANSLATE_NOOP("CliHelp", "import residents, volunteers or meal recipients from an Excel register"))
    i.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    i.add_argument("file", help=QT_TRANSLATE_NOOP("CliHelp", "workbook: .xlsx .xlsm .xls .et .ods"))
    i.add_argument("--kind", choices=["residents", "volunteers", "meal_recipients"], default="residents")
    i.add_argument("--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "only check: print what would happen, write nothing"))
    i.add_argument("--sheet", help=QT_TRANSLATE_NOOP("CliHelp", "sheet name (default: the active sheet, else the first visible one)"))
    i.add_argument("--team", help=QT_TRANSLATE_NOOP("CliHelp", "volunteers: team for rows without a team column"))
    i.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help=QT_TRANSLATE_NOOP("CliHelp", "map a column by its header (FIELD '' to leave it out); others are guessed"))
    i.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the import is made under (default: the first administrator)"))
    i.add_argument("--all", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "print every row, not only rejected and updated ones"))
    i.set_defaults(func=cmd_import)


from desktop_app.cli_support import actor_for as _actor  # noqa: E402
from desktop_app.cli_support import engine_from_args as _engine  # noqa: E402
from desktop_app.cli_support import warn_calendar  # noqa: E402
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate  # noqa: E402
from desktop_app.core.textwidth import table  # noqa: E402


def cmd_report(args) -> int:
    from desktop_app.core.db import session_scope
    from desktop_app.core.errors import SmileDeskError
    from desktop_app.reports import excel, pdf
    from desktop_app.reports.models import ReportKind
    from desktop_app.reports.period_report import period_figures, record_saved
    from desktop_app.reports.periods import parse_period

    engine = _engine(args)
    try:
        period = parse_period(args.month or args.year)
        if args.year and period.kind != ReportKind.YEAR:
            raise SystemExit(translate("ReportsCli", "--year takes a year, e.g. 2026"))
        with session_scope(engine, write=False) as s:
            actor = _actor(s, args.user)
            figures = period_figures(s, actor=actor, period=period, station_id=args.station)
            warn_calendar(s, period.start, period.last_day)
        out = args.out or (None if args.xlsx else f"{figures.station_name}-{period.slug}.pdf")
        written = []
        if out:
            written.append(pdf.write_report(out, figures, made_by=actor.display_name))
        if args.xlsx:
            written.append(excel.export_report(args.xlsx, figures, made_by=actor.display_name))
        with session_scope(engine) as s:
            for path in written:
                record_saved(s, actor=actor, what="report", period=period, path=str(path))
    except SmileDeskError as exc:
        print(exc.text(), file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


def cmd_import(args) -> int:
    import signal

    from desktop_app.core.db import session_scope
    from desktop_app.core.errors import Cancelled, SmileDeskError
    from desktop_app.core.progress import terminal_progress
    from desktop_app.reports import importing

    engine = _engine(args)
    writing = terminal_progress(translate("ReportsCli", "import"))
    try:
        sheet = importing.read_sheet(args.file, sheet=args.sheet, kind=args.kind,
                                     progress=terminal_progress(translate("ReportsCli", "read")))
        with session_scope(engine, write=False) as s:
            actor = _actor(s, args.user)
            remembered = importing.remembered_mapping(s, actor=actor, kind=args.kind)
        for item in args.map:
            header, _, field = item.partition("=")
            remembered[importing.normalise_header(header)] = field.strip()
        mapping = importing.guess_mapping(sheet.labels, args.kind, remembered)
        print(f"{sheet.path.name} · {sheet.sheet_name}")
        print(importing.sheet_text(sheet))
        for line in table([[label, "→", importing.field_label(mapping[j]) if j in mapping else "—"]
                           for j, label in enumerate(sheet.labels)], indent="  "):
            print(line)
        options = {"team": args.team} if args.team else {}
        plan = importing.check(engine, actor=actor, sheet=sheet, mapping=mapping, kind=args.kind, options=options,
                               progress=terminal_progress(translate("ReportsCli", "check")))
        shown = importing.ACTIONS if args.all else ("update", "reject")
        rows = [[translate("ReportsCli", "row {n}").format(n=row), action, name, detail]
                for row, action, name, detail in importing.report_rows(plan, actions=shown)]
        for line in table(rows, indent="  "):
            print(line)
        for line in importing.plan_lines(plan):
            print(line)
        c = plan.counts
        if args.dry_run:
            return 1 if c["reject"] else 0
        # Ctrl+C while writing: the batch being written is rolled back, the ones before it stay (and are said).
        previous = signal.signal(signal.SIGINT, lambda *_a: writing.cancel())
        try:
            result = importing.apply_import(engine, actor=actor, plan=plan, progress=writing)
        finally:
            signal.signal(signal.SIGINT, previous)
    except SmileDeskError as exc:
        print(f"\n{exc.text()}", file=sys.stderr)  # on a line of its own, after any progress bar
        return 2
    except (KeyboardInterrupt, Cancelled):
        print(importing.result_text(importing.ImportResult(0, 0, 0, 0, (), cancelled=True)), file=sys.stderr)
        return 130
    print(importing.result_text(result))
    if result.cancelled:
        return 130
    return 1 if result.rejected else 0
