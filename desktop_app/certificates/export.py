"""The national-system export: service records (issued and requested) as a table in the columns the
national volunteer service information system asks for, and the mark that they were entered there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.certificates.models import (
    Certificate,
    CertificateKind,
    CertificateRequest,
    CertificateStatus,
    RequestStatus,
)
from desktop_app.certificates.permissions import EXPORT_CERTIFICATES
from desktop_app.certificates.register import get_certificate, snapshot_of
from desktop_app.certificates.template_settings import settings_for, station_for
from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.models import Station
from desktop_app.core.records import get_existing

EXPORT_COLUMNS = [
    "序号", "志愿者姓名", "证件类型", "证件号码", "服务组织（队伍）", "服务内容", "服务开始日期", "服务结束日期",
    "服务时长（小时）", "记录组织", "证书编号", "出具日期", "是否已录入",
]


def export_volunteer_service_records(
    s: Session, *, actor: Actor, target: Path, start: date | None = None, end: date | None = None,
    include_requests: bool = True,
) -> int:
    """Write the service records (issued and requested) as a table in the columns the national system asks for.

    The file is the station's own ledger to help staff enter records; it is not an import file of the
    national system. ``.xlsx`` (openpyxl) or ``.csv`` (UTF-8 with BOM, opens in Excel) by suffix.
    """
    require(actor, EXPORT_CERTIFICATES)
    station_id = station_for(s, actor)
    station = get_existing(s, Station, station_id)
    issuer = settings_for(s, station_id).issuer or station.name
    rows: list[list] = []

    def in_range(d: str | None) -> bool:
        if not d:
            return start is None and end is None
        day = date.fromisoformat(d)
        return (start is None or day >= start) and (end is None or day <= end)

    for cert in s.exec(select(Certificate).where(
        Certificate.station_id == station_id, Certificate.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE, Certificate.status == CertificateStatus.VALID,
    ).order_by(col(Certificate.id))):
        snap = snapshot_of(cert)
        if not in_range(snap.get("period_end")):
            continue
        rows.append([cert.recipient_name, "居民身份证" if cert.id_number else "", cert.id_number, snap["organisation"],
                     snap["service_content"], snap["period_start"], snap["period_end"], snap["hours"], snap["issuer"],
                     cert.number, snap["issued_on"], "是" if cert.entered_at else "否"])
    if include_requests:
        for req in s.exec(select(CertificateRequest).where(
            CertificateRequest.station_id == station_id, CertificateRequest.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE,
            CertificateRequest.status == RequestStatus.PENDING,
        ).order_by(col(CertificateRequest.id))):
            v = json.loads(req.content_json)
            if not in_range(v.get("period_end")):
                continue
            rows.append([req.recipient_name, "居民身份证" if req.id_number else "", req.id_number, v["organisation"],
                         v["service_content"], v["period_start"], v["period_end"], v["hours"], issuer, "", "", "否"])
    rows = [[i + 1, *r] for i, r in enumerate(rows)]
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".csv":
        import csv

        from desktop_app.core import private
        from desktop_app.core.excel import csv_cell

        with open(target, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(EXPORT_COLUMNS)
            w.writerows([csv_cell(v) for v in r] for r in rows)
        private.private_file(target)
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "志愿服务记录"
        ws.append(EXPORT_COLUMNS)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append(r)
        for letter, width in zip("ABCDEFGHIJKLM", (6, 12, 12, 22, 20, 30, 13, 13, 12, 24, 22, 12, 10), strict=True):
            ws.column_dimensions[letter].width = width
        ws.column_dimensions["D"].number_format = "@"
        for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
            for cell in row:
                cell.number_format = "@"  # keep the 18 digits as text (Excel would round them)
        ws.freeze_panes = "A2"
        from desktop_app.core.excel import save_workbook

        save_workbook(wb, target)
    audit.record(s, actor=actor, action="export", entity="certificate", entity_id="",
                 after={"file": target.name, "rows": len(rows), "start": start, "end": end})
    return len(rows)


def mark_entered(s: Session, *, actor: Actor, certificate_ids: Sequence[int], when: datetime | None = None) -> int:
    """Note that these service records were entered into the national volunteer system (one audit entry
    per certificate, so a stale revoke elsewhere names who marked it and when)."""
    require(actor, EXPORT_CERTIFICATES)
    when = when or utcnow()
    n = 0
    for cid in certificate_ids:
        cert = get_certificate(s, actor=actor, certificate_id=cid, for_update=True)
        if cert.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE and cert.entered_at is None:
            cert.entered_at = when
            cert.id_number = ""  # the national system holds the record now: the register needs the number no more
            cert.version += 1
            s.add(cert)
            s.flush()
            audit.record(s, actor=actor, action="mark_entered", entity="certificate", entity_id=cert.id,
                         after={"number": cert.number, "entered_at": when})
            n += 1
    return n
