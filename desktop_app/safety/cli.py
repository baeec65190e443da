"""Command-line tools for data safety (added to ``smiledesk`` by feature discovery).

    smiledesk backup [--to DIR]                       verified copy of the SQLite database
    smiledesk restore FILE [--yes]                    replace the database with a verified backup
    smiledesk backups [--to DIR]                      list backups, newest first
    smiledesk encrypt [--remember] [--delete-plain-backups]   encrypt the SQLite file (SQLCipher)
    smiledesk decrypt                                 turn an encrypted SQLite file back into a plain one
    smiledesk privacy export RESIDENT_ID --out DIR    the resident's data as JSON + PDF (audited)
    smiledesk privacy erase RESIDENT_ID --yes         anonymise the resident everywhere (audited)
    smiledesk audit-key show | export FILE | import FILE    the audit chain's key on this PC (docs/safety.md)
    smiledesk audit-key anchor FILE                    the chains' heads in FILE.manifest.json (beside a pg_dump)
    smiledesk audit-key lost KEY --reason …            no computer has KEY any more (its only PC broke): say so in the log

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
    parser.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS, help=QT_TRANSLATE_NOOP("CliHelp", "SQLite file or database URL"))
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", default="", help=QT_TRANSLATE_NOOP("CliHelp", "staff account to act as (audit log)"))


def register(sub) -> None:
    p = sub.add_parser("backup", help=QT_TRANSLATE_NOOP("CliHelp", "make a verified backup copy of the database now"))
    _db(p)
    p.add_argument("--to", metavar="DIR", help=QT_TRANSLATE_NOOP("CliHelp", "folder for the backup (default: the station's backup folder)"))
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help=QT_TRANSLATE_NOOP("CliHelp", "list backups, newest first"))
    _db(p)
    p.add_argument("--to", metavar="DIR", help=QT_TRANSLATE_NOOP("CliHelp", "also look in this folder"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("restore", help=QT_TRANSLATE_NOOP("CliHelp", "replace the database with a backup (the current one is kept as a backup)"))
    _db(p)
    p.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "the backup file to restore"))
    p.add_argument("--yes", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "do not ask for confirmation"))
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("encrypt", help=QT_TRANSLATE_NOOP("CliHelp", "encrypt the database file with a passphrase (SQLCipher); close SmileDesk first"))
    _db(p)
    p.add_argument("--remember", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "keep the passphrase on this computer so SmileDesk starts without asking (kiosks)"))
    p.add_argument("--delete-plain-backups", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "after an encrypted backup is made, delete the backups made before (they are not encrypted)"))
    p.set_defaults(func=cmd_encrypt)

    p = sub.add_parser("decrypt", help=QT_TRANSLATE_NOOP("CliHelp", "turn an encrypted database file back into a plain SQLite file"))
    _db(p)
    p.set_defaults(func=cmd_decrypt)

    p = sub.add_parser("privacy", help=QT_TRANSLATE_NOOP("CliHelp", "a resident's data export or erasure request (PIPL)"))
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    e = psub.add_parser("export", help=QT_TRANSLATE_NOOP("CliHelp", "write everything held about a resident as JSON and PDF"))
    _db(e)
    e.add_argument("resident_id", type=int)
    e.add_argument("--out", metavar="DIR", required=True)
    e.set_defaults(func=cmd_export)
    r = psub.add_parser("erase", help=QT_TRANSLATE_NOOP("CliHelp", "anonymise a resident everywhere (cannot be undone; back up first)"))
    _db(r)
    r.add_argument("resident_id", type=int)
    r.add_argument("--reason", default="")
    r.add_argument("--yes", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "do not ask for confirmation"))
    r.add_argument("--keep-walk-ins", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "do not erase the walk-in records typed with the resident's name and phone but never linked"))
    r.set_defaults(func=cmd_erase)

    _register_audit_key(sub)


def _register_audit_key(sub) -> None:
    p = sub.add_parser("audit-key", help=QT_TRANSLATE_NOOP("CliHelp", "the audit log's key on this computer: show it, export it, import it"))
    ksub = p.add_subparsers(dest="audit_key_command", metavar="ACTION", required=True)
    s = ksub.add_parser("show", help=QT_TRANSLATE_NOOP("CliHelp", "the database's identity and which of its audit keys this computer has"))
    _db(s)
    s.set_defaults(func=cmd_audit_key_show)
    e = ksub.add_parser("export", help=QT_TRANSLATE_NOOP("CliHelp", "write this computer's audit keys of the database to FILE (for another PC)"))
    _db(e)
    e.add_argument("file", metavar="FILE")
    e.set_defaults(func=cmd_audit_key_export)
    i = ksub.add_parser("import", help=QT_TRANSLATE_NOOP("CliHelp", "add the audit keys in FILE (from audit-key export) to this computer"))
    i.add_argument("file", metavar="FILE")
    i.set_defaults(func=cmd_audit_key_import)
    a = ksub.add_parser("anchor", help=QT_TRANSLATE_NOOP("CliHelp", "write the audit chains' heads and counts to FILE.manifest.json "
                        "(a server's backups: run it before each pg_dump FILE)"))
    _db(a)
    a.add_argument("file", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "the backup the manifest belongs to (it need not exist yet)"))
    a.set_defaults(func=cmd_audit_key_anchor)
    g = ksub.add_parser("lost", help=QT_TRANSLATE_NOOP("CliHelp", "say in the audit log that no computer has KEY any more (the only PC that held it broke)"))
    _db(g)
    g.add_argument("key", metavar="KEY")
    g.add_argument("--reason", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "why it is lost, e.g. 旧电脑硬盘损坏"))
    g.set_defaults(func=cmd_audit_key_lost)


def _audit_ids(args) -> tuple[str | None, dict[str, int], set[str]]:
    """(database id, key id -> entries written with it, keys declared lost) of the database in ``args``."""
    from sqlalchemy import text

    from desktop_app.core.db import session_scope

    engine = _engine(args, migrate=False)
    try:
        with session_scope(engine, write=False) as s:
            from desktop_app.core import audit_keys

            db_id = audit_keys.database_id(s)
            used = {row[0]: int(row[1]) for row in s.connection().execute(
                text("SELECT key_id, COUNT(*) FROM audit_entry WHERE scheme = 2 GROUP BY key_id ORDER BY MIN(id)"))}
            lost = {row[0] for row in s.connection().execute(
                text("SELECT entity_id FROM audit_entry WHERE scheme = 2 AND action = 'audit_key_lost'"))}
    finally:
        engine.dispose()
    return db_id, used, lost


def cmd_audit_key_show(args) -> int:
    def work():
        from desktop_app.core import audit_keys, keystore

        db_id, used, lost = _audit_ids(args)
        if db_id is None:
            print(translate("SafetyCli", "this database has no keyed audit entries yet: its key is made with the first "
                                         "change"))
            return 0
        here = audit_keys.known_keys(db_id)
        print(translate("SafetyCli", "database {id}; keys are kept in {folder}").format(id=db_id, folder=keystore.key_dir()))

        def where(kid: str) -> str:
            if kid in here:
                return translate("SafetyCli", "on this computer")
            if kid in lost:
                return translate("SafetyCli", "declared lost (smiledesk audit-key lost)")
            return translate("SafetyCli", "NOT on this computer")

        rows = [[translate("SafetyCli", "key {id}").format(id=kid), translate("SafetyCli", "entries: {n}").format(n=n),
                 where(kid)] for kid, n in used.items()]
        rows += [[translate("SafetyCli", "key {id}").format(id=kid), translate("SafetyCli", "no entries yet"),
                  translate("SafetyCli", "on this computer")] for kid in here if kid not in used]
        for line in table(rows, indent="  "):
            print(line)
        return 0 if all(k in here or k in lost for k in used) else 1

    return _run(work)


def cmd_audit_key_export(args) -> int:
    def work():
        from pathlib import Path

        from desktop_app.core import audit_keys

        db_id, _used, _lost = _audit_ids(args)
        n = audit_keys.export_keys(db_id, Path(args.file)) if db_id else 0
        if not n:
            print(translate("Cli", "error: {text}").format(
                text=translate("SafetyCli", "this computer has no audit key of this database to export")), file=sys.stderr)
            return 1
        print(translate("SafetyCli", "audit keys of database {id} written to {file}: {n}; import them on the other PC "
                                     "with smiledesk audit-key import, then delete the file").format(id=db_id, file=args.file, n=n))
        return 0

    return _run(work)


def cmd_audit_key_import(args) -> int:
    def work():
        from pathlib import Path

        from desktop_app.core import audit_keys

        db_id, n = audit_keys.import_keys(Path(args.file))
        print(translate("SafetyCli", "new audit keys of database {id} kept on this computer: {n}").format(id=db_id, n=n))
        return 0

    return _run(work)


def cmd_audit_key_lost(args) -> int:
    def work():
        from desktop_app.core.db import session_scope
        from desktop_app.safety.audit_keys import declare_key_lost

        engine = _engine(args)
        try:
            actor = _actor(engine, args)
            with session_scope(engine) as s:
                n = declare_key_lost(s, actor=actor, key_id=args.key, reason=args.reason)
        finally:
            engine.dispose()
        print(translate("SafetyCli", "audit key {id} declared lost: smiledesk check no longer reports its entries ({n}) "
                                     "(their order and count are still checked; a PC that has the key still checks "
                                     "their content)").format(id=args.key.strip().lower(), n=n))
        return 0

    return _run(work)


def cmd_audit_key_anchor(args) -> int:
    """A database on a server is backed up by pg_dump, not by SmileDesk: this writes the manifest SmileDesk
    writes beside its own backups, so that ``smiledesk check --anchors DIR`` tells entries deleted later."""
    def work():
        from pathlib import Path

        from desktop_app.core import audit_anchors, audit_keys
        from desktop_app.core.db import session_scope
        from desktop_app.safety import backups

        target = Path(args.file).expanduser().resolve()
        if not target.parent.is_dir():
            print(translate("Cli", "error: {text}").format(
                text=translate("SafetyCli", "there is no folder {folder}; create it first").format(folder=target.parent)),
                file=sys.stderr)
            return 1
        engine = _engine(args, migrate=False)
        try:
            with session_scope(engine, write=False) as s:
                heads = audit_anchors.heads_from_session(s)
        finally:
            engine.dispose()
        db_id = heads[0]
        if db_id is None:
            print(translate("SafetyCli", "this database has no keyed audit entries yet: nothing to anchor"))
            return 0
        if audit_keys.current_key(db_id) is None:
            print(translate("Cli", "error: {text}").format(text=translate(
                "SafetyCli", "this computer has no audit key of database {id}, so the manifest could not be sealed; "
                "import it first: smiledesk audit-key export FILE on a PC that has it, smiledesk audit-key import FILE "
                "here").format(id=db_id)), file=sys.stderr)
            return 1
        made = audit_anchors.write_manifest(target, heads, kind="anchor")
        backups.remember_folder(target.parent)
        total = sum(seq for seq, _h in heads[1].values()) + heads[2][0]
        print(translate("SafetyCli", "{file}: chains {chains}, entries {n}; smiledesk check --anchors {folder} compares "
                                     "the database with it").format(file=made, chains=len(heads[1]), n=total,
                                                                    folder=target.parent))
        return 0

    return _run(work)


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


def _ask(prompt: str) -> str:
    """What is typed after ``prompt``; input that has ended (no one at a terminal: a scheduled or piped run)
    answers nothing, as Enter does: the question before a change defaults to no, so nothing changes."""
    try:
        return input(prompt)
    except EOFError:
        print()
        return ""


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
            answer = _ask(translate("SafetyCli", "Replace the database with {file}? The current one is kept as a backup. "
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

        engine = _engine(args)
        actor = _actor(engine, args)
        with session_scope(engine, write=False) as s:
            offered = personal_data.erasure_matches(s, actor=actor, resident_id=args.resident_id)
        keep = args.keep_walk_ins
        if offered:
            print(translate("SafetyCli", "walk-in records typed with the resident's name and phone but never linked: {n}")
                  .format(n=len(offered)))
            for line in table([[feature_name(m.feature), translate("SafetyCli", "No. {id}").format(id=m.record_id),
                                f"{m.at:%Y-%m-%d}", m.summary[:40]] for m in offered], indent="  "):
                print(line)
            if not args.yes and not keep:
                answer = _ask(translate("SafetyCli", "Erase these too? [Y/n] ")).strip()
                keep = bool(answer) and not _yes(answer)  # Enter: yes
        if not args.yes:
            answer = _ask(translate("SafetyCli", "Anonymise resident {id} everywhere? This cannot be undone. [y/N] ")
                           .format(id=args.resident_id))
            if not _yes(answer):
                print(translate("SafetyCli", "nothing changed"))
                return 1
        with session_scope(engine) as s:
            done = personal_data.erase_resident(s, actor=actor, resident_id=args.resident_id, reason=args.reason,
                                                matches=[] if keep else None)
        walk_ins = ""
        if offered:
            walk_ins = (translate("SafetyCli", "; matching walk-in records kept: {n}") if keep
                        else translate("SafetyCli", "; matching walk-in records erased: {n}")).format(n=len(offered))
        print(translate("SafetyCli", "resident {id} anonymised in: {where}").format(
            id=args.resident_id, where=join(feature_name(key) for key in done)) + walk_ins)
        return 0

    return _run(work)
