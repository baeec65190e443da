"""Command-line tools for data safety (added to ``smiledesk`` by feature discovery).

    smiledesk backup [--to DIR]                       verified copy of the SQLite database
    smiledesk restore FILE [--yes]                    replace the database with a verified backup
    smiledesk backups [--to DIR]                      list backups, newest first
    smiledesk encrypt [--remember] [--delete-plain-backups]   encrypt the SQLite file (SQLCipher)
    smiledesk decrypt                                 turn an encrypted SQLite file back into a plain one
    smiledesk privacy export RESIDENT_ID --out DIR    the resident's data as JSON + PDF (audited)
    smiledesk privacy erase RESIDENT_ID --yes         anonymise the resident everywhere (audited)
    smiledesk station add NAME CODE | list | assign USER STATION_ID|all

Commands act as the built-in "system" account unless ``--as USERNAME`` names a staff account, whose
name then appears in the audit log. Exit status 0 on success, 1 with a plain message on failure.

The passphrase of encrypt/decrypt is read from SMILEDESK_DB_KEY when it is set, else typed twice at the
terminal (once for decrypt), else the first line of standard input (scripts). It is never printed.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli_support import feature_name
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate
from desktop_app.core.textwidth import table


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help="SQLite file or database URL")
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", default="", help="staff account to act as (audit log)")


def register(sub) -> None:
    p = sub.add_parser("backup", help="make a verified backup copy of the database now")
    _db(p)
    p.add_argument("--to", metavar="DIR", help="folder for the backup (default: the station's backup folder)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list backups, newest first")
    _db(p)
    p.add_argument("--to", metavar="DIR", help="also look in this folder")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("restore", help="replace the database with a backup (the current one is kept as a backup)")
    _db(p)
    p.add_argument("file", metavar="FILE", help="the backup file to restore")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("encrypt", help="encrypt the database file with a passphrase (SQLCipher); close SmileDesk first")
    _db(p)
    p.add_argument("--remember", action="store_true",
                   help="keep the passphrase on this computer so SmileDesk starts without asking (kiosks)")
    p.add_argument("--delete-plain-backups", action="store_true",
                   help="after an encrypted backup is made, delete the backups made before (they are not encrypted)")
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("decrypt", help="turn an encrypted database file back into a plain SQLite file")
    _db(p)
    p.set_defaults(func=cmd_decrypt)

    p = sub.add_parser("privacy", help="a resident's data export or erasure request (PIPL)")
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    e = psub.add_parser("export", help="write everything held about a resident as JSON and PDF")
    _db(e)
    e.add_argument("resident_id", type=int)
    e.add_argument("--out", metavar="DIR", required=True)
    e.set_defaults(func=cmd_export)
    r = psub.add_parser("erase", help="anonymise a resident everywhere (cannot be undone; back up first)")
    _db(r)
    r.add_argument("resident_id", type=int)
    r.add_argument("--reason", default="")
    r.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    r.set_defaults(func=cmd_erase)

    p = sub.add_parser("station", help="stations of a sub-district sharing one database")
    ssub = p.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    a = ssub.add_parser("add", help="add a station")
    _db(a)
    a.add_argument("name")
    a.add_argument("code")
    a.add_argument("--sub-district", default="")
    a.set_defaults(func=cmd_station_add)
    ls = ssub.add_parser("list", help="list stations with their resident counts")
    _db(ls)
    ls.set_defaults(func=cmd_station_list)
    g = ssub.add_parser("assign", help="put an account in a station ('all': a sub-district administrator)")
    _db(g)
    g.add_argument("username")
    g.add_argument("station", help="station id, or 'all'")
    g.set_defaults(func=cmd_station_assign)


def _engine(args, *, migrate: bool = True):
    from desktop_app import features
    from desktop_app.core.db import make_engine, url_for

    url = url_for(getattr(args, "db", None))
    return features.open_app_database(url) if migrate else make_engine(url)


def _actor(engine, args):
    from sqlmodel import select

    from desktop_app.core.auth import SYSTEM, Actor
    from desktop_app.core.db import session_scope
    from desktop_app.core.errors import NotFound
    from desktop_app.core.i18n import QT_TRANSLATE_NOOP
    from desktop_app.core.models import StaffUser

    name = getattr(args, "as_user", "")
    if not name:
        return SYSTEM
    with session_scope(engine, write=False) as s:
        user = s.exec(select(StaffUser).where(StaffUser.username == name, StaffUser.active == True)).first()  # noqa: E712
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no active account {name}."), name=name)
    return Actor.from_user(user)


def _yes(answer: str) -> bool:
    return answer.strip().lower() in ("y", "yes", translate("SafetyCli", "y"), translate("SafetyCli", "yes"))


BACKUP_KINDS = {  # safety.models.BackupKind, as the backup dialog calls them
    "exit": QT_TRANSLATE_NOOP("SafetyBackups", "on closing"),
    "daily": QT_TRANSLATE_NOOP("SafetyBackups", "daily"),
    "manual": QT_TRANSLATE_NOOP("SafetyBackups", "manual"),
    "pre-restore": QT_TRANSLATE_NOOP("SafetyBackups", "before a restore"),
    "damaged": QT_TRANSLATE_NOOP("SafetyBackups", "damaged copy"),
}


def backup_kind(kind: str) -> str:
    return translate("SafetyBackups", BACKUP_KINDS[kind]) if kind in BACKUP_KINDS else kind


def _run(work) -> int:
    from desktop_app.core.errors import SmileDeskError

    try:
        return work()
    except SmileDeskError as exc:
        print(translate("Cli", "error: {text}").format(text=exc.text()), file=sys.stderr)
        return 1


def cmd_backup(args) -> int:
    def work():
        from desktop_app.safety import backups

        engine = _engine(args, migrate=False)
        made = backups.backup_now(engine, actor=_actor(engine, args), folder=args.to)
        print(made)
        return 0

    return _run(work)


def cmd_list(args) -> int:
    from pathlib import Path

    from desktop_app.core import paths
    from desktop_app.core.db import make_engine, sqlite_path, url_for
    from desktop_app.safety import backup_files

    engine = make_engine(url_for(getattr(args, "db", None)))
    db_file = sqlite_path(engine)
    folders = [Path(args.to)] if args.to else []
    folders += [paths.backups_dir()] + ([db_file.parent / "backups"] if db_file else [])
    rows = [[f"{b.taken_at:%Y-%m-%d %H:%M:%S}", backup_kind(b.kind), f"{b.size:,d}", str(b.path)]
            for b in backup_files.list_backups(*folders)]
    for line in table(rows, right=(2,)):
        print(line)
    return 0


def cmd_restore(args) -> int:
    def work():
        from pathlib import Path

        from desktop_app.core.db import database_key, file_is_encrypted, url_for
        from desktop_app.safety import backup_files, backups
        from desktop_app.safety.integrity import sqlite_file

        db_file = sqlite_file(url_for(getattr(args, "db", None)))
        key = database_key(db_file) if db_file is not None and file_is_encrypted(db_file) else None
        backup_files.verify_backup(Path(args.file), key=key)
        if not args.yes:
            answer = input(translate("SafetyCli", "Replace the database with {file}? The current one is kept as a backup. "
                                                  "[y/N] ").format(file=args.file))
            if not _yes(answer):
                print(translate("SafetyCli", "nothing changed"))
                return 1
        engine = _engine(args, migrate=False)
        kept = backups.restore_backup(engine, actor=_actor(engine, args), backup_file=args.file)
        print(translate("SafetyCli", "restored {file}; the replaced database is kept as {kept}").format(file=args.file, kept=kept)
              if kept else translate("SafetyCli", "restored {file}").format(file=args.file))
        return 0

    return _run(work)


def _read_passphrase(prompt: str, *, twice: bool) -> str:
    import getpass
    import os

    from desktop_app.core.db import KEY_ENV
    from desktop_app.safety import encryption

    env = os.environ.get(KEY_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if twice:
        encryption.check_passphrase(first, getpass.getpass(translate("SafetyCli", "Type it again: ")))
    return first


def _sqlite_file(args):
    from desktop_app.core.db import url_for
    from desktop_app.core.errors import StorageError
    from desktop_app.core.i18n import QT_TRANSLATE_NOOP
    from desktop_app.safety.integrity import sqlite_file

    path = sqlite_file(url_for(getattr(args, "db", None)))
    if path is None:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "Only a SQLite database file can be encrypted; a database server protects its data itself."))
    return path


def cmd_encrypt(args) -> int:
    def work():
        from desktop_app.core.db import cipher_module, make_engine
        from desktop_app.safety import at_rest

        path = _sqlite_file(args)
        cipher_module()  # "not available on this computer" before anyone types a passphrase
        engine = make_engine(f"sqlite:///{path}")
        actor = _actor(engine, args)
        passphrase = _read_passphrase(translate("SafetyCli", "New passphrase (at least 8 characters): "), twice=True)
        done = at_rest.encrypt_database(engine, actor=actor, passphrase=passphrase, remember=args.remember,
                                        delete_plain_backups=args.delete_plain_backups)
        print(translate("SafetyCli", "encrypted {path}: tables {tables}, rows {rows}").format(
            path=path, tables=done.tables, rows=done.rows)
              + (translate("SafetyCli", "; the passphrase is remembered on this computer") if args.remember else ""))
        if done.deleted_backups:
            print(translate("SafetyCli", "backups that were not encrypted, deleted (an encrypted backup replaces them): {n}")
                  .format(n=len(done.deleted_backups)))
        if done.plain_backups:
            print(translate("SafetyCli", "backups made before that are NOT encrypted (delete them or keep them somewhere "
                                         "safe): {n}").format(n=len(done.plain_backups)))
            for b in done.plain_backups:
                print(f"  {b}")
        return 0

    return _run(work)


def cmd_decrypt(args) -> int:
    def work():
        from desktop_app.core.db import database_key, make_engine
        from desktop_app.safety import at_rest

        path = _sqlite_file(args)
        passphrase = database_key(path) or _read_passphrase(translate("SafetyCli", "Passphrase: "), twice=False)
        engine = make_engine(f"sqlite:///{path}", key=passphrase)
        actor = _actor(engine, args)
        done = at_rest.decrypt_database(engine, actor=actor, passphrase=passphrase)
        print(translate("SafetyCli", "decrypted {path}: tables {tables}, rows {rows}").format(
            path=path, tables=done.tables, rows=done.rows))
        return 0

    return _run(work)


def cmd_export(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety import personal_data

        engine = _engine(args)
        actor = _actor(engine, args)
        with session_scope(engine) as s:
            data = personal_data.export_resident(s, actor=actor, resident_id=args.resident_id)
        json_path, pdf_path = personal_data.write_export(data, args.out)
        print(json_path)
        print(pdf_path)
        return 0

    return _run(work)


def cmd_erase(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety import personal_data

        if not args.yes:
            answer = input(translate("SafetyCli", "Anonymise resident {id} everywhere? This cannot be undone. [y/N] ")
                           .format(id=args.resident_id))
            if not _yes(answer):
                print(translate("SafetyCli", "nothing changed"))
                return 1
        engine = _engine(args)
        actor = _actor(engine, args)
        with session_scope(engine) as s:
            done = personal_data.erase_resident(s, actor=actor, resident_id=args.resident_id, reason=args.reason)
        print(translate("SafetyCli", "resident {id} anonymised in: {where}").format(
            id=args.resident_id, where=join(feature_name(key) for key in done)))
        return 0

    return _run(work)


def cmd_station_add(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety import stations

        engine = _engine(args)
        with session_scope(engine) as s:
            station = stations.add_station(s, actor=_actor(engine, args), name=args.name, code=args.code,
                                          sub_district=args.sub_district)
            print(translate("SafetyCli", "station {id}: {name} ({code})").format(id=station.id, name=station.name,
                                                                                 code=station.code))
        return 0

    return _run(work)


def cmd_station_list(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety import stations

        engine = _engine(args)
        actor = _actor(engine, args)
        with session_scope(engine, write=False) as s:
            counts = stations.residents_by_station(s, actor=actor)
            rows = [[translate("SafetyCli", "No."), translate("SafetyCli", "code"), translate("SafetyCli", "station"),
                     translate("SafetyCli", "residents")]]
            rows += [[st.id, st.code, st.name, f"{counts.get(st.id, 0):,}"] for st in stations.list_stations(s, actor=actor)]
            for line in table(rows, right=(0, 3)):
                print(line)
            print(translate("SafetyCli", "residents in all: {n}").format(n=f"{sum(counts.values()):,}"))
        return 0

    return _run(work)


def cmd_station_assign(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety import stations

        engine = _engine(args)
        station_id = None if args.station == "all" else int(args.station)
        with session_scope(engine) as s:
            user = stations.assign_station(s, actor=_actor(engine, args), username=args.username, station_id=station_id)
            print(translate("SafetyCli", "{user}: all stations").format(user=user.username) if user.station_id is None
                  else translate("SafetyCli", "{user}: station {id}").format(user=user.username, id=user.station_id))
        return 0

    return _run(work)
