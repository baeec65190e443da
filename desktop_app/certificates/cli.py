"""Certificate subcommands: verify a number or QR payload, render register entries in batch, export records.

    smiledesk cert-verify "SDC1:SQK-2026-000123-K:…"      valid / revoked / unknown / tampered (exit 0 only when valid)
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
from desktop_app.core.i18n import translate  # noqa: E402
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
    if res.revoke_reason:
        rows.append([translate("CertificatesCli", "revoked:"), f"{res.revoked_on} — {res.revoke_reason}"])
    for line in table(rows, indent="  "):
        print(line)
    return 0 if res.ok else 1


def kind_label(kind: str) -> str:
    from desktop_app.certificates.templates import KIND_LABELS

    return translate("Certificates", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


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
