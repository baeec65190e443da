"""Certificate subcommands: verify a number or QR payload, render register entries in batch, export records.

    smiledesk cert-verify "SDC2:…"  or a number              valid / registered / revoked / unknown / tampered (exit 0: valid)
    smiledesk cert-keys list | rotate | revoke KEY --reason … | export --out FILE   the station's signing keys
    smiledesk cert-keys publish DIR      the key file and the standalone verifier, for whoever verifies outside
    smiledesk cert-render --year 2026 --kind service_record --out all.pdf [--each]
    smiledesk cert-export --out 志愿服务记录.xlsx [--from 2026-01-01 --to 2026-12-31]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def register(sub) -> None:
    v = sub.add_parser("cert-verify", help=QT_TRANSLATE_NOOP("CliHelp", "check a certificate number or scanned QR payload against the register"))
    v.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    v.add_argument("payload")
    v.set_defaults(func=cmd_verify)

    k = sub.add_parser("cert-keys", help=QT_TRANSLATE_NOOP("CliHelp", "the station's certificate signing keys: list, rotate, revoke, export the key file"))
    ksub = k.add_subparsers(dest="cert_keys_command", metavar="ACTION", required=True)
    for name, helptext in (
            ("list", QT_TRANSLATE_NOOP("CliHelp", "the station's keys")),
            ("rotate", QT_TRANSLATE_NOOP("CliHelp", "retire the station's keys and make a new one here")),
            ("revoke", QT_TRANSLATE_NOOP("CliHelp", "withdraw a key (its PC was lost or stolen)")),
            ("export", QT_TRANSLATE_NOOP("CliHelp", "write the key file: public keys and revocations, for verifiers outside")),
            ("publish", QT_TRANSLATE_NOOP("CliHelp", "write the key file and the standalone verifier (verify_certificate.py) "
                                                     "into a folder"))):
        a = ksub.add_parser(name, help=helptext)
        a.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
        a.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account (default: the first administrator)"))
        if name == "revoke":
            a.add_argument("key")
            a.add_argument("--reason", required=True)
        if name == "export":
            a.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "the key file to write (JSON)"))
        if name == "publish":
            a.add_argument("folder", metavar="DIR")
        a.set_defaults(func=cmd_keys)

    r = sub.add_parser("cert-render", help=QT_TRANSLATE_NOOP("CliHelp", "render issued certificates to one PDF or one file each"))
    r.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    r.add_argument("--year", type=int, help=QT_TRANSLATE_NOOP("CliHelp", "only certificates numbered in this year"))
    r.add_argument("--kind", choices=["service_record", "honour", "thank_you"])  # models.CertificateKind
    r.add_argument("--out", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "a .pdf file, or a folder with --each"))
    r.add_argument("--each", action="store_true", help=QT_TRANSLATE_NOOP("CliHelp", "one PDF file per certificate"))
    r.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "staff account the rendering is logged under (default: the first administrator)"))
    r.set_defaults(func=cmd_render)

    e = sub.add_parser("cert-export", help=QT_TRANSLATE_NOOP("CliHelp", "service records in the columns of the national volunteer system (.xlsx or .csv)"))
    e.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    e.add_argument("--out", required=True)
    e.add_argument("--from", dest="start", type=date.fromisoformat)
    e.add_argument("--to", dest="end", type=date.fromisoformat)
    e.add_argument("--user")
    e.set_defaults(func=cmd_export)


from desktop_app.cli_support import actor_for as _actor  # noqa: E402
from desktop_app.cli_support import engine_from_args as _engine  # noqa: E402
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate  # noqa: E402
from desktop_app.core.textwidth import table  # noqa: E402


def cmd_verify(args) -> int:
    from desktop_app.certificates.verification import verify_payload
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args), write=False) as s:
        res = verify_payload(s, args.payload)
    print(translate("Certificates", res.message))
    rows = []
    if res.number:
        rows.append([translate("CertificatesCli", "number:"), res.number])
    if res.kind:
        rows += [[translate("CertificatesCli", "kind:"), kind_label(res.kind)],
                 [translate("CertificatesCli", "recipient:"), res.recipient],
                 [translate("CertificatesCli", "issued:"), res.issued_on]]
    for key, value in res.details.items():
        if value:
            rows.append([translate("CertificatesCli", DETAIL_LABELS[key]) if key in DETAIL_LABELS else key + ":", value])
    if res.key_id:
        rows.append([translate("CertificatesCli", "key:"), res.key_id])
    if res.revoke_reason:
        rows.append([translate("CertificatesCli", "revoked:"), f"{res.revoked_on} — {res.revoke_reason}"])
    for line in table(rows, indent="  "):
        print(line)
    return 0 if res.ok else 1


DETAIL_LABELS = {  # verification.VerifyResult.details
    "organisation": QT_TRANSLATE_NOOP("CertificatesCli", "organisation:"),
    "title": QT_TRANSLATE_NOOP("CertificatesCli", "title:"),
    "period_start": QT_TRANSLATE_NOOP("CertificatesCli", "from:"),
    "period_end": QT_TRANSLATE_NOOP("CertificatesCli", "to:"),
    "hours": QT_TRANSLATE_NOOP("CertificatesCli", "hours:"),
    "id_masked": QT_TRANSLATE_NOOP("CertificatesCli", "ID number:"),
}


def kind_label(kind: str) -> str:
    from desktop_app.certificates.templates import KIND_LABELS

    return translate("Certificates", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def cmd_keys(args) -> int:
    from desktop_app.certificates import signing
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args)) as s:
        actor = _actor(s, args.user)
        if args.cert_keys_command == "rotate":
            row = signing.rotate_key(s, actor=actor)
            print(translate("CertificatesCli", "new signing key {id}; the station's earlier keys are retired (they still "
                                               "verify what they signed). Export the key file again and publish it.")
                  .format(id=row.id))
        elif args.cert_keys_command == "revoke":
            row = signing.revoke_key(s, actor=actor, key_id=args.key, reason=args.reason)
            print(translate("CertificatesCli", "key {id} revoked; export the key file again and publish it").format(id=row.id))
        elif args.cert_keys_command == "export":
            body = signing.key_file(s, actor=actor)
            path = signing.write_key_file(body, Path(args.out))
            print(translate("CertificatesCli", "key file of station {code} written to {path}: keys {keys}, revoked "
                                               "certificates {revoked}").format(
                code=body["station"]["code"], path=path, keys=len(body["keys"]), revoked=len(body["revoked_certificates"])))
        elif args.cert_keys_command == "publish":
            made = signing.export_for_verifiers(s, actor=actor, folder=Path(args.folder))
            print(translate("CertificatesCli", "{key_file} (keys {keys}, revoked certificates {revoked}) and {verifier} "
                                               "written: python {name} --keys {key_name} \"SDC2:…\" checks a certificate "
                                               "with nothing else").format(
                key_file=made.key_file, keys=made.keys, revoked=made.revoked_certificates, verifier=made.verifier,
                name=made.verifier.name, key_name=made.key_file.name))
        else:
            states = {"revoked": translate("CertificatesCli", "revoked"), "retired": translate("CertificatesCli", "retired"),
                      "current": translate("CertificatesCli", "current")}
            rows = [[translate("CertificatesCli", "key"), translate("CertificatesCli", "state"),
                     translate("CertificatesCli", "made"), translate("CertificatesCli", "by"),
                     translate("CertificatesCli", "public key")]]
            for row in signing.list_keys(s, actor=actor):
                state = "revoked" if row.revoked_at else "retired" if row.retired_at else "current"
                rows.append([row.id, states[state], f"{row.created_at:%Y-%m-%d}", row.created_by, row.public_key])
            for line in table(rows):
                print(line)
    return 0


def cmd_render(args) -> int:
    from sqlmodel import select

    from desktop_app.certificates.batches import render_batch
    from desktop_app.certificates.models import Certificate
    from desktop_app.core.db import session_scope, station_scope
    from desktop_app.core.progress import terminal_progress

    engine = _engine(args)
    with session_scope(engine) as s:
        actor = _actor(s, args.user)
        q = station_scope(select(Certificate.id), Certificate.station_id, actor)
        if args.year:
            q = q.where(Certificate.year == args.year)
        if args.kind:
            q = q.where(Certificate.kind == args.kind)
        ids = list(s.exec(q.order_by(Certificate.id)))
        if not ids:
            print(translate("CertificatesCli", "no certificates match"))
            return 1
        result = render_batch(s, actor=actor, certificate_ids=ids, target=Path(args.out), one_file_each=args.each,
                                  progress=terminal_progress(translate("CertificatesCli", "certificates")))
    print(translate("CertificatesCli", "certificates written: {n}, in files: {files}, under {out}").format(
        n=result.pages, files=len(result.files), out=args.out))
    return 0


def cmd_export(args) -> int:
    from desktop_app.certificates.export import export_volunteer_service_records
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args)) as s:
        n = export_volunteer_service_records(s, actor=_actor(s, args.user), target=Path(args.out), start=args.start, end=args.end)
    print(translate("CertificatesCli", "service records written to {out}: {n}").format(n=n, out=args.out))
    return 0
