"""Certificates' part of a resident's personal-data export and erasure (discovered by safety.privacy).

The register keeps what the station must be able to confirm about a document it handed out (the 2020
volunteer-service-record measures: a record or proof can be checked against the issuing organisation's
register) and nothing more: number, kind, organisation, title, period, hours, issue date, status and the
signature. An erasure masks the name (张*明), removes the ID number (also the masked one) and the QR content
from the stored copy; the paper the person holds still verifies offline with the station's public key, and a
typed number still finds the entry. The print log names staff only. Requests not yet issued are cancelled
and their name and content cleared. (The full ID number is kept only until the record is entered into the
national volunteer system: certificates.export.mark_entered clears it.)
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.certificates.models import Certificate, CertificatePrint, CertificateRequest, RequestStatus

ERASED_NAME = "已匿名"


def export(s: Session, resident_id: int) -> dict:
    certs = s.exec(select(Certificate).where(Certificate.resident_id == resident_id).order_by(col(Certificate.id))).all()
    requests = s.exec(
        select(CertificateRequest).where(CertificateRequest.resident_id == resident_id).order_by(col(CertificateRequest.id))
    ).all()
    out = []
    for c in certs:
        prints = s.exec(select(CertificatePrint).where(CertificatePrint.certificate_id == c.id).order_by(col(CertificatePrint.id))).all()
        out.append({**c.model_dump(), "prints": [p.model_dump() for p in prints]})
    if not out and not requests:
        return {}
    return {"certificates": out, "requests": [r.model_dump() for r in requests]}


def erase(s: Session, resident_id: int) -> None:
    import json

    from desktop_app.core.validation import mask_name

    for c in s.exec(select(Certificate).where(Certificate.resident_id == resident_id)):
        masked = mask_name(c.recipient_name)
        snap = json.loads(c.content_json or "{}")
        snap.update({"recipient_name": masked, "id_masked": "", "qr": ""})
        c.recipient_name = masked
        c.id_number = ""
        c.content_json = json.dumps(snap, ensure_ascii=False, sort_keys=True)
        s.add(c)
    for r in s.exec(select(CertificateRequest).where(CertificateRequest.resident_id == resident_id)):
        if r.status == RequestStatus.PENDING:
            r.recipient_name = ERASED_NAME
            r.content_json = "{}"
            r.id_number = ""
            r.status = RequestStatus.CANCELLED
            s.add(r)
    s.flush()
