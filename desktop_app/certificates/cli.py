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
    v = sub.add_parser("cert-verify", help="check a certificate number or scanned QR payload against the register")
    v.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    v.add_argument("payload")
    v.set_defaults(func=cmd_verify)

    k = sub.add_parser("cert-keys", help="the station's certificate signing keys: list, rotate, revoke, export the key file")
    ksub = k.add_subparsers(dest="cert_keys_command", metavar="ACTION", required=True)
    for name, helptext in (("list", "the station's keys"), ("rotate", "retire the station's keys and make a new one here"),
                           ("revoke", "withdraw a key (its PC was lost or stolen)"),
                           ("export", "write the key file: public keys and revocations, for verifiers outside"),
                           ("publish", "write the key file and the standalone verifier (verify_certificate.py) into a folder")):
        a = ksub.add_parser(name, help=helptext)
        a.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
        a.add_argument("--user", help="staff account (default: the first administrator)")
        if name == "revoke":
            a.add_argument("key")
            a.add_argument("--reason", required=True)
        if name == "export":
            a.add_argument("--out", required=True, help="the key file to write (JSON)")
        if name == "publish":
            a.add_argument("folder", metavar="DIR")
        a.set_defaults(func=cmd_keys)

    r = sub.add_parser("cert-render", help="render issued certificates to one PDF or one file each")
    r.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    r.add_argument("--year", type=int, help="only certificates numbered in this year")
    r.add_argument("--kind", choices=["service_record", "honour", "thank_you"])  # models.CertificateKind
    r.add_argument("--out", required=True, help="a .pdf file, or a folder with --each")
    r.add_argument("--each", action="store_true", help="one PDF file per certificate")
    r.add_argument("--user", help="staff account the rendering is logged under (default: the first administrator)")
    r.set_defaults(func=cmd_render)

    e = sub.add_parser("cert-export", help="service records in the columns of the national volunteer system (.xlsx or .csv)")
    e.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH|URL")
    e.add_argument("--out", required=True)
    e.add_argument("--from", dest="start", type=date.fromisoformat)
    e.add_argument("--to", dest="end", type=date.fromisoformat)
    e.add_argument("--user")
    e.set_defaults(func=cmd_export)


from desktop_app.cli_support import actor_for as _actor  # noqa: E402
from desktop_app.cli_support import engine_from_args as _engine  # noqa: E402


def cmd_verify(args) -> int:
    from desktop_app.certificates.verification import verify_payload
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args), write=False) as s:
        res = verify_payload(s, args.payload)
    from desktop_app.core.i18n import translate

    print(f"{res.status}: {translate('Certificates', res.message)}")
    if res.number:
        print(f"  number:    {res.number}")
    if res.kind:
        print(f"  kind:      {res.kind}\n  recipient: {res.recipient}\n  issued:    {res.issued_on}")
    for key, value in res.details.items():
        if value:
            print(f"  {key + ':':<11}{value}")
    if res.key_id:
        print(f"  key:       {res.key_id}")
    if res.revoke_reason:
        print(f"  revoked:   {res.revoked_on} — {res.revoke_reason}")
    return 0 if res.ok else 1


def cmd_keys(args) -> int:
    from desktop_app.certificates import signing
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args)) as s:
        actor = _actor(s, args.user)
        if args.cert_keys_command == "rotate":
            row = signing.rotate_key(s, actor=actor)
            print(f"new signing key {row.id}; the station's earlier keys are retired (they still verify what they signed). "
                  "Export the key file again and publish it.")
        elif args.cert_keys_command == "revoke":
            row = signing.revoke_key(s, actor=actor, key_id=args.key, reason=args.reason)
            print(f"key {row.id} revoked; export the key file again and publish it")
        elif args.cert_keys_command == "export":
            body = signing.key_file(s, actor=actor)
            path = signing.write_key_file(body, Path(args.out))
            print(f"key file of station {body['station']['code']} written to {path}: {len(body['keys'])} key(s), "
                  f"{len(body['revoked_certificates'])} revoked certificate(s)")
        elif args.cert_keys_command == "publish":
            made = signing.export_for_verifiers(s, actor=actor, folder=Path(args.folder))
            print(f"{made.key_file} ({made.keys} key(s), {made.revoked_certificates} revoked certificate(s)) and "
                  f"{made.verifier} written: python {made.verifier.name} --keys {made.key_file.name} \"SDC2:…\" "
                  "checks a certificate with nothing else")
        else:
            for row in signing.list_keys(s, actor=actor):
                state = "revoked" if row.revoked_at else "retired" if row.retired_at else "current"
                print(f"{row.id}  {state:<8} made {row.created_at:%Y-%m-%d} by {row.created_by}  public {row.public_key}")
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
            print("no certificates match")
            return 1
        result = render_batch(s, actor=actor, certificate_ids=ids, target=Path(args.out), one_file_each=args.each,
                                  progress=terminal_progress("certificates "))
    print(f"{result.pages} certificate(s) written to {len(result.files)} file(s) under {args.out}")
    return 0


def cmd_export(args) -> int:
    from desktop_app.certificates.export import export_volunteer_service_records
    from desktop_app.core.db import session_scope

    with session_scope(_engine(args)) as s:
        n = export_volunteer_service_records(s, actor=_actor(s, args.user), target=Path(args.out), start=args.start, end=args.end)
    print(f"{n} service record(s) written to {args.out}")
    return 0
