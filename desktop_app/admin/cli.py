"""Stations and staff accounts from the command line (added to ``smiledesk`` by feature discovery).

    smiledesk station list                                   stations with their ids, codes and residents
    smiledesk station add NAME CODE [--sub-district NAME]    a new station (sub-district administrators)
    smiledesk station assign USER STATION|all                move an account to a station (USER: name or id;
                                                             STATION: id or code; all: sub-district administrator)
    smiledesk station login STATION|office|rollup [--role NAME]   a PostgreSQL login for a station's PCs (or the
                                                             office, or read-only roll-up); prints its URL once
    smiledesk station logins | drop-login ROLE               the logins there are; remove one
    smiledesk staff list [--station STATION]
    smiledesk staff add USERNAME --role ROLE [--name NAME] [--station STATION|all]
    smiledesk staff disable USER | enable USER

Every command needs an administrator's sign-in: ``--as USERNAME``, the password typed at the prompt (or in
SMILEDESK_PASSWORD for scripts). A station's administrator manages their own station's accounts; stations,
other stations' accounts and logins need a sub-district administrator. Only on a database without any
administrator yet may ``staff add`` make the first one without signing in (the person setting the database up
has the database's own credentials anyway). The first sub-district administrator may be made by any
administrator while the database has none (``station assign admin all``). New accounts' passwords come from
the prompt (twice) or SMILEDESK_NEW_PASSWORD. ``station login`` needs the database owner's URL (``--db``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import replace

from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.textwidth import table

PASSWORD_ENV = "SMILEDESK_PASSWORD"
NEW_PASSWORD_ENV = "SMILEDESK_NEW_PASSWORD"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP("CliHelp", "SQLite file or database URL"))
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", default="",
                        help=QT_TRANSLATE_NOOP("CliHelp", "the administrator signing in (password: prompt or SMILEDESK_PASSWORD)"))


def register(sub) -> None:
    p = sub.add_parser("station", help=QT_TRANSLATE_NOOP("CliHelp", "stations of a sub-district sharing one database (administrators)"))
    ssub = p.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    a = ssub.add_parser("list", help=QT_TRANSLATE_NOOP("CliHelp", "stations with their ids, codes and resident counts"))
    _common(a)
    a.set_defaults(func=cmd_station_list)
    a = ssub.add_parser("add", help=QT_TRANSLATE_NOOP("CliHelp", "add a station (sub-district administrators)"))
    _common(a)
    a.add_argument("name")
    a.add_argument("code", help=QT_TRANSLATE_NOOP("CliHelp", "short code, 1–10 letters or digits (certificate numbers, --station)"))
    a.add_argument("--sub-district", default="")
    a.set_defaults(func=cmd_station_add)
    a = ssub.add_parser("assign", help=QT_TRANSLATE_NOOP("CliHelp", "put an account in a station ('all': a sub-district administrator)"))
    _common(a)
    a.add_argument("user", help=QT_TRANSLATE_NOOP("CliHelp", "user name or account id"))
    a.add_argument("station", help=QT_TRANSLATE_NOOP("CliHelp", "station id or code, or 'all'"))
    a.set_defaults(func=cmd_station_assign)
    a = ssub.add_parser("login", help=QT_TRANSLATE_NOOP("CliHelp", "a PostgreSQL login for a station's PCs, the office or roll-up (owner's --db)"))
    _common(a)
    a.add_argument("station", help=QT_TRANSLATE_NOOP("CliHelp", "station id or code; 'office' (every station) or 'rollup' (read-only)"))
    a.add_argument("--role", default="", help=QT_TRANSLATE_NOOP("CliHelp", "the login's name (default: smiledesk_<code>)"))
    a.add_argument("--note", default="", help=QT_TRANSLATE_NOOP("CliHelp", "e.g. which PC uses it"))
    a.set_defaults(func=cmd_station_login)
    a = ssub.add_parser("logins", help=QT_TRANSLATE_NOOP("CliHelp", "the PostgreSQL logins of the stations (owner's --db)"))
    _common(a)
    a.set_defaults(func=cmd_station_logins)
    a = ssub.add_parser("drop-login", help=QT_TRANSLATE_NOOP("CliHelp", "remove a PostgreSQL login (owner's --db)"))
    _common(a)
    a.add_argument("role")
    a.set_defaults(func=cmd_station_drop_login)

    p = sub.add_parser("staff", help=QT_TRANSLATE_NOOP("CliHelp", "staff accounts (administrators)"))
    ssub = p.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    a = ssub.add_parser("list", help=QT_TRANSLATE_NOOP("CliHelp", "the accounts you manage"))
    _common(a)
    a.add_argument("--station", default="", help=QT_TRANSLATE_NOOP("CliHelp", "only this station (id or code)"))
    a.set_defaults(func=cmd_staff_list)
    a = ssub.add_parser("add", help=QT_TRANSLATE_NOOP("CliHelp", "a new account (password: prompt or SMILEDESK_NEW_PASSWORD)"))
    _common(a)
    a.add_argument("username")
    a.add_argument("--role", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "admin, front_desk, coordinator, meals or viewer"))
    a.add_argument("--name", default="", help=QT_TRANSLATE_NOOP("CliHelp", "display name (default: the user name)"))
    a.add_argument("--station", default="", help=QT_TRANSLATE_NOOP("CliHelp", "station id or code, or 'all' (default: your station)"))
    a.set_defaults(func=cmd_staff_add)
    for action, active, helptext in (
            ("disable", False, QT_TRANSLATE_NOOP("CliHelp", "disable an account (user name or id)")),
            ("enable", True, QT_TRANSLATE_NOOP("CliHelp", "enable an account (user name or id)"))):
        a = ssub.add_parser(action, help=helptext)
        _common(a)
        a.add_argument("user")
        a.set_defaults(func=cmd_staff_active, active=active)


# --- helpers -----------------------------------------------------------------------------------------------

class _Refused(SmileDeskError):
    """A command refused before anything was changed (translated like every message of the app)."""


_SUB_DISTRICT_ONLY = QT_TRANSLATE_NOOP(
    "Errors", "Only a sub-district administrator (an administrator without a station) can do this.")


def _engine(args):
    from desktop_app.cli_support import engine_from_args

    return engine_from_args(args)


def _password(prompt: str, env: str, *, twice: bool = False) -> str:
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise _Refused(QT_TRANSLATE_NOOP("Errors", "No password was given: type it at a terminal, or set {env}."), env=env)
        return line
    first = getpass.getpass(prompt)
    if twice and getpass.getpass(translate("AdminCli", "again: ")) != first:
        raise _Refused(QT_TRANSLATE_NOOP("Errors", "The two passwords differ; nothing was changed. Type the same password twice."))
    return first


def _signed_in(engine, args, *, bootstrap: bool = False):
    """The administrator of ``--as`` after their password; with ``bootstrap`` and no administrator in the
    database yet, the set-up account (SYSTEM)."""
    from sqlmodel import select

    from desktop_app.core import auth
    from desktop_app.core.db import session_scope
    from desktop_app.core.models import StaffUser

    if not args.as_user:
        if bootstrap:
            with session_scope(engine, write=False) as s:
                any_admin = s.exec(select(StaffUser.id).where(StaffUser.role == auth.Role.ADMIN.value)).first()
            if any_admin is None:
                return auth.SYSTEM
        raise _Refused(QT_TRANSLATE_NOOP("Errors", "Sign in as an administrator: add --as USERNAME (the password is asked for)."))
    actor = auth.sign_in(engine, username=args.as_user, password=_password(
        translate("AdminCli", "password of {name}: ").format(name=args.as_user), PASSWORD_ENV))
    if actor.role != auth.Role.ADMIN:
        raise _Refused(QT_TRANSLATE_NOOP("Errors", "{name} is not an administrator; sign in as one (--as)."), name=actor.username)
    return actor


def _sub_district(engine, actor, *, first: bool = False):
    """``actor`` as a sub-district administrator: theirs already, or — ``first`` — any administrator's while the
    database has no sub-district administrator (the first one is made that way)."""
    from desktop_app import safety
    from desktop_app.core.db import session_scope

    if actor.station_id is None or not first:
        return actor
    with session_scope(engine, write=False) as s:
        return replace(actor, station_id=None) if safety.bootstrap_allowed(s) else actor


def _user(s, ref: str):
    from sqlmodel import select

    from desktop_app import safety
    from desktop_app.core.errors import NotFound
    from desktop_app.core.models import StaffUser

    text = ref.strip()
    user = None if "\x00" in text else s.exec(select(StaffUser).where(StaffUser.username == text)).first()
    if user is None and (user_id := safety.typed_id(text)) is not None:
        user = s.get(StaffUser, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no account {name}."), name=text)
    return user


def _run(work) -> int:
    try:
        return work() or 0
    except SmileDeskError as exc:
        print(translate("Cli", "error: {text}").format(text=exc.text()), file=sys.stderr)
    return 1


def _role(role: str) -> str:
    from desktop_app.core import auth

    return translate("Roles", auth.ROLE_LABELS[auth.Role(role)]) if role in tuple(auth.Role) else role


def _where(station_id: int | None) -> str:
    return (translate("AdminCli", "all stations") if station_id is None
            else translate("AdminCli", "station {id}").format(id=station_id))


# --- station -----------------------------------------------------------------------------------------------

def cmd_station_list(args) -> int:
    def work():
        from desktop_app import safety
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        actor = _signed_in(engine, args)
        with session_scope(engine, write=False) as s:
            counts = safety.residents_by_station(s, actor=actor)
            rows = [[translate("AdminCli", "No."), translate("AdminCli", "code"), translate("AdminCli", "station"),
                     translate("AdminCli", "residents")]]
            rows += [[st.id, st.code, st.name, f"{counts.get(st.id, 0):,}"] for st in safety.list_stations(s, actor=actor)]
            for line in table(rows, right=(0, 3)):
                print(line)
            print(translate("AdminCli", "residents in all: {n}").format(n=f"{sum(counts.values()):,}"))

    return _run(work)


def cmd_station_add(args) -> int:
    def work():
        from desktop_app import safety
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        actor = _signed_in(engine, args)
        with session_scope(engine) as s:
            station = safety.add_station(s, actor=actor, name=args.name, code=args.code, sub_district=args.sub_district)
            print(translate("AdminCli", "station {id}: {name} ({code})").format(id=station.id, name=station.name,
                                                                                code=station.code))

    return _run(work)


def cmd_station_assign(args) -> int:
    def work():
        from desktop_app import safety
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        to_all = args.station.strip().lower() == "all"
        actor = _sub_district(engine, _signed_in(engine, args), first=to_all)
        with session_scope(engine) as s:
            station_id = None if to_all else safety.find_station(s, args.station).id
            username = _user(s, args.user).username
            user = safety.assign_station(s, actor=actor, username=username, station_id=station_id)
            print(f"{user.username}: {_where(user.station_id)}")

    return _run(work)


def _owner_connection(engine):
    from desktop_app.core.db import rls

    if engine.dialect.name != "postgresql":
        raise _Refused(QT_TRANSLATE_NOOP("Errors", "Database logins exist only on a PostgreSQL server (docs/postgres.md)."))
    conn = engine.connect()
    if rls.who(conn).kind != "owner":
        conn.close()
        raise _Refused(QT_TRANSLATE_NOOP("Errors", "Database logins are managed with the database owner's URL (--db), not a station's."))
    return conn


def cmd_station_login(args) -> int:
    def work():
        from desktop_app import safety
        from desktop_app.core.db import rls, session_scope

        engine = _engine(args)
        actor = _signed_in(engine, args)
        if actor.station_id is not None:
            raise _Refused(_SUB_DISTRICT_ONLY)
        target = args.station.strip().lower()
        station = None
        if target not in ("office", "rollup"):
            with session_scope(engine, write=False) as s:
                station = safety.find_station(s, args.station)
        kind = "station" if station is not None else ("subdistrict" if target == "office" else "rollup")
        role = args.role.strip() or ("smiledesk_" + (station.code.lower() if station is not None else target))
        if not rls.valid_role_name(role):
            raise _Refused(QT_TRANSLATE_NOOP("Errors", "{role}: a login name is lower-case letters, digits and _, starting with a letter."), role=role)
        conn = _owner_connection(engine)
        try:
            with conn.begin():
                password = rls.create_login(conn, role=role, kind=kind, station_id=station.id if station else None,
                                            note=args.note)
        finally:
            conn.close()
        from urllib.parse import quote

        url = engine.url.set(username=role, password=None)
        shown = url.render_as_string(hide_password=False).replace(f"{role}@", f"{role}:{quote(password, safe='')}@", 1)
        who = (translate("AdminCli", "station {code} ({name})").format(code=station.code, name=station.name) if station
               else translate("AdminCli", "the sub-district office") if kind == "subdistrict"
               else translate("AdminCli", "read-only roll-up"))
        print(translate("AdminCli", "login {role} for {who}; its password is shown once:").format(role=role, who=who))
        print(f"  {shown}")
        print(translate("AdminCli", "Give it to that PC as SMILEDESK_DATABASE_URL (docs/postgres.md §4); running this again "
                                    "makes a new password."))

    return _run(work)


def cmd_station_logins(args) -> int:
    def work():
        from desktop_app.core.db import rls

        engine = _engine(args)
        actor = _signed_in(engine, args)
        if actor.station_id is not None:
            raise _Refused(_SUB_DISTRICT_ONLY)
        conn = _owner_connection(engine)
        try:
            kinds = {"subdistrict": translate("AdminCli", "the sub-district office"),
                     "rollup": translate("AdminCli", "read-only roll-up")}
            rows = [[login.role, _where(login.station_id) if login.station_id is not None
                     else kinds.get(login.kind, login.kind), login.note] for login in rls.logins(conn)]
            for line in table(rows):
                print(line)
        finally:
            conn.close()

    return _run(work)


def cmd_station_drop_login(args) -> int:
    def work():
        from desktop_app.core.db import rls

        engine = _engine(args)
        actor = _signed_in(engine, args)
        if actor.station_id is not None:
            raise _Refused(_SUB_DISTRICT_ONLY)
        conn = _owner_connection(engine)
        try:
            with conn.begin():
                if not rls.drop_login(conn, args.role.strip()):
                    raise _Refused(QT_TRANSLATE_NOOP("Errors", "There is no database login {role}."), role=args.role.strip())
        finally:
            conn.close()
        print(translate("AdminCli", "login {role} removed").format(role=args.role.strip()))

    return _run(work)


# --- staff -------------------------------------------------------------------------------------------------

def cmd_staff_list(args) -> int:
    def work():
        from desktop_app import admin, safety
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        actor = _signed_in(engine, args)
        with session_scope(engine, write=False) as s:
            only = safety.find_station(s, args.station).id if args.station else None
            rows = [[u.id, u.username, _role(u.role), _where(u.station_id),
                     u.display_name + ("" if u.active else translate("AdminCli", " (disabled)"))]
                    for u in admin.staff_accounts(s, actor=actor) if only is None or u.station_id == only]
            for line in table(rows, right=(0,)):
                print(line)

    return _run(work)


def cmd_staff_add(args) -> int:
    def work():
        from desktop_app import admin, safety
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        target = args.station.strip()
        actor = _signed_in(engine, args, bootstrap=True)
        with session_scope(engine) as s:
            if not target:  # the signed-in administrator's station; a sub-district one's: all stations
                station = admin.ALL_STATIONS if actor.station_id is None else None
            elif target.lower() == "all":
                station = admin.ALL_STATIONS
            else:
                station = safety.find_station(s, target).id
        password = _password(translate("AdminCli", "password for {name}: ").format(name=args.username), NEW_PASSWORD_ENV,
                             twice=True)
        with session_scope(engine) as s:
            user = admin.add_staff(s, actor=actor, username=args.username, display_name=args.name or args.username,
                                   role=args.role, password=password, station=station)
            print(translate("AdminCli", "account {id}: {name} ({role}, {where})").format(
                id=user.id, name=user.username, role=_role(user.role), where=_where(user.station_id)))

    return _run(work)


def cmd_staff_active(args) -> int:
    def work():
        from desktop_app import admin
        from desktop_app.core.db import session_scope

        engine = _engine(args)
        actor = _signed_in(engine, args)
        with session_scope(engine) as s:
            user = _user(s, args.user)
            admin.set_staff_active(s, actor=actor, user_id=user.id, active=args.active)
            print(f"{user.username}: " + (translate("AdminCli", "enabled") if args.active else translate("AdminCli", "disabled")))

    return _run(work)
