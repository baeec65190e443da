"""The one entry point: the GUI by default; subcommands for demo data, checks and feature tools.

    smiledesk [--db PATH|URL] [--lang zh_CN|en]                  open the app
    smiledesk --screenshot FILE [--page NAME] [--size 1280x800]   render a page offscreen and exit
    smiledesk --kiosk | --wall [--station CODE]                   the station kiosk / the smile wall
    smiledesk demo --scale small|large [--seed N]                 add demo data
    smiledesk check                                               integrity check + audit chain
    smiledesk migrate                                             bring the schema up to date
Feature packages add their own subcommands (desktop_app/<key>/cli.py).
"""

from __future__ import annotations

import argparse
import sys

from desktop_app import __version__
from desktop_app.cli_parser import Parser, lang_argument
from desktop_app.cli_support import feature_name
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate


def _db_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    kwargs = {"default": argparse.SUPPRESS} if suppress else {"default": None}
    parser.add_argument(
        "--db", metavar="PATH|URL", help=QT_TRANSLATE_NOOP("CliHelp", "SQLite file or database URL (default: the user data dir; "
        "SMILEDESK_DATABASE_URL overrides)"), **kwargs,
    )


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="smiledesk", description=QT_TRANSLATE_NOOP("CliHelp", "SmileDesk (微笑驿站) community service station desk"))
    p.add_argument("--version", action="version", version=f"SmileDesk {__version__}")
    _db_option(p, suppress=False)
    _lang_option(p, suppress=False)
    p.add_argument("--screenshot", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "render the main window offscreen to a PNG and exit"))
    p.add_argument("--page", metavar="NAME", default="", help=QT_TRANSLATE_NOOP("CliHelp", "page to show with --screenshot (residents, desk, ...)"))
    p.add_argument("--size", default="1366x800", help=QT_TRANSLATE_NOOP("CliHelp", "window size for --screenshot, e.g. 1280x800"))
    p.add_argument("--kiosk", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "full-screen self-service kiosk"))
    p.add_argument("--wall", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "full-screen smile wall for the lobby screen"))
    p.add_argument("--station", metavar="CODE", default="",
                   help=QT_TRANSLATE_NOOP("CliHelp", "with --kiosk/--wall on a sub-district server: the station's code (default: the first station)"))
    p.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)  # bench: exit at first paint
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help=QT_TRANSLATE_NOOP("CliHelp", "add realistic synthetic demo data (fixed seed)"))
    _db_option(demo, suppress=True)
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.add_argument("--seed", type=int, default=20261122)
    demo.add_argument("--only", nargs="*", help=QT_TRANSLATE_NOOP("CliHelp", "only these features (e.g. residents desk)"))
    demo.set_defaults(func=cmd_demo)

    check = sub.add_parser("check", help=QT_TRANSLATE_NOOP("CliHelp", "check database integrity and the audit chain; non-zero exit on a problem"))
    _db_option(check, suppress=True)
    check.add_argument("--anchors", metavar="DIR", action="append", default=[],
                       help=QT_TRANSLATE_NOOP("CliHelp", "a folder of audit manifests to compare with as well (a server's: smiledesk audit-key anchor)"))
    check.set_defaults(func=cmd_check)

    mig = sub.add_parser("migrate", help=QT_TRANSLATE_NOOP("CliHelp", "apply pending migrations (a backup is made first)"))
    _db_option(mig, suppress=True)
    mig.set_defaults(func=cmd_migrate)

    from desktop_app import features

    for mod in features.modules("cli"):
        mod.register(sub)
    _add_lang_everywhere(p)
    return p


def _lang_option(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    kwargs = {"default": argparse.SUPPRESS} if suppress else {"default": None}
    parser.add_argument("--lang", choices=["zh_CN", "en"], help=QT_TRANSLATE_NOOP("CliHelp", "language of what the command prints and the papers it "
                        "makes (default: the one saved in the settings, else the system's)"), **kwargs)


def _add_lang_everywhere(parser: argparse.ArgumentParser) -> None:
    """Every subcommand takes --lang too (before or after its name: smiledesk --lang zh_CN meals-day, or
    smiledesk meals-day --lang zh_CN), and says what its --db is."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if not any("--lang" in a.option_strings for a in child._actions):
                    _lang_option(child, suppress=True)
                for a in child._actions:
                    if "--db" in a.option_strings and not a.help:
                        a.help = QT_TRANSLATE_NOOP("CliHelp", "SQLite file or database URL")
                _add_lang_everywhere(child)


def error_line(text: str) -> str:
    return translate("Cli", "error: {text}").format(text=text)


def cmd_demo(args) -> int:
    from desktop_app import demo, features
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope, url_for
    from desktop_app.core.errors import ConflictError
    from desktop_app.core.progress import terminal_progress

    engine = features.open_app_database(url_for(args.db))
    try:
        demo.plan(engine, args.only)  # a station's real data gets no demo data: say so before writing anything
    except ConflictError as exc:
        print(error_line(exc.text()), file=sys.stderr)
        return 1
    with session_scope(engine) as s:
        if auth.needs_setup(s):
            print(translate("Cli", "No administrator yet: creating station {station} with user “{user}”, password "
                                   "“{password}” — SmileDesk asks for a new password at the first sign-in.").format(
                station="逍遥津社区党群服务中心", user="admin", password="admin12345"))
            auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="管理员",
                                    password="admin12345", station_code="SQK")
            auth.require_password_change(s, username="admin")  # a password printed here is one others know
    done = demo.load(engine, scale=args.scale, seed=args.seed, wanted=args.only,
                     progress_for=lambda key: terminal_progress(feature_name(key)))
    if done.already:
        print(translate("Cli", "demo data already there, not added again: {features}").format(
            features=join(map(feature_name, done.already))))
    where = engine.url.render_as_string(hide_password=True)
    scale = translate("Cli", "small") if args.scale == "small" else translate("Cli", "large")
    print(translate("Cli", "demo data ({scale}) written to {where}: {features}").format(
        scale=scale, where=where, features=join(map(feature_name, done.to_load))) if done.to_load
          else translate("Cli", "nothing added to {where}").format(where=where))
    return 0


def cmd_check(args) -> int:
    from pathlib import Path

    from desktop_app.core.db import url_for
    from desktop_app.safety import integrity

    problems = integrity.check_database(url_for(args.db), [Path(d) for d in args.anchors])
    if problems:
        print(translate("Cli", "PROBLEMS FOUND:"))
        for p in problems:
            print("  -", p.text())
        return 1
    print(translate("Cli", "ok: database integrity, text, append-only triggers, audit chain and ID numbers verified"))
    return 0


def cmd_migrate(args) -> int:
    from desktop_app.core.db import make_engine, migrate, url_for
    from desktop_app.features import import_all_models, open_app_database

    import_all_models()
    engine = make_engine(url_for(args.db))
    backup = migrate(engine)
    engine.dispose()
    open_app_database(url_for(args.db)).dispose()  # and the reference data (on a server: the owner's job)
    print(translate("Cli", "schema up to date; backup before migrating: {file}").format(file=backup) if backup
          else translate("Cli", "schema up to date"))
    return 0


def _use_remembered_keys() -> None:
    """Passphrases of encrypted databases remembered on this computer (the safety feature's key store)."""
    from desktop_app import features
    from desktop_app.core import db

    keys = features.module("safety", "keys", always=True)
    if keys is not None:
        db.set_key_lookup(keys.stored_key)


def main(argv: list[str] | None = None) -> int:
    from desktop_app.core import i18n, private

    private.restrict_umask()  # every file written from here on (database, WAL, backups, logs, exports): 0600
    argv = sys.argv[1:] if argv is None else list(argv)
    # Import the database stack before PySide6: once PySide6 is loaded, its import hook
    # (shibokensupport feature check) compiles the source of every module imported after it.
    import desktop_app.core.auth  # noqa: F401
    import desktop_app.core.db  # noqa: F401
    from desktop_app.ui.translation import before_parsing

    # argparse words its errors as it finds them, and prints help while parsing: the language comes first.
    i18n.set_translator(before_parsing(lang_argument(argv)))
    args = build_parser().parse_args(argv)
    _use_remembered_keys()
    if getattr(args, "func", None) is not None:
        from desktop_app.core.db import EncryptionUnavailable, KeyRequired, WrongKey
        from desktop_app.ui.translation import chosen_language, install_for_command_line

        # What the command prints and the papers it makes (meals-day's route sheets from a scheduled task too).
        install_for_command_line(chosen_language(getattr(args, "lang", None)))

        try:
            return int(args.func(args) or 0)
        except (KeyRequired, WrongKey, EncryptionUnavailable) as exc:  # an encrypted database, no usable passphrase
            text = exc.text() + (translate("Cli", " (set SMILEDESK_DB_KEY)") if isinstance(exc, KeyRequired) else "")
            print(error_line(text), file=sys.stderr)
            return 1
        except Exception as exc:  # a damaged or foreign file, a refusing server: a message, never a traceback
            from desktop_app.core.db.errors import unreadable_database

            problem = unreadable_database(exc, getattr(args, "db", None))
            if problem is None:
                raise
            print(error_line(problem.text()), file=sys.stderr)
            return 1
    from desktop_app.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
