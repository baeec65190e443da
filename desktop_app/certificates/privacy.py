"""Certificates' part of a resident's personal-data export and erasure (discovered by safety.privacy).

Issued certificates stay in the register unchanged: the register is the station's record of documents
it handed out (the 2020 volunteer-service-record measures require it) and a printed certificate's QR code
must keep verifying. Requests not yet issued are cancelled and their name and content cleared.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.certificates.models import Certificate, CertificatePrint, CertificateRequest, RequestStatus

ERASED_NAME = "已匿名"


def export(s: Session, resident_id: int) -> dict:
    certs = s.exec(select(Certificate).where(Certificate.resident_id == resident_id).order_by(Certificate.id)).all()
    requests = s.exec(
        select(CertificateRequest).where(CertificateRequest.resident_id == resident_id).order_by(CertificateRequest.id)
    ).all()
    out = []
    for c in certs:
        prints = s.exec(select(CertificatePrint).where(CertificatePrint.certificate_id == c.id).order_by(CertificatePrint.id)).all()
        out.append({**c.model_dump(), "prints": [p.model_dump() for p in prints]})
    if not out and not requests:
        return {}
    return {"certificates": out, "requests": [r.model_dump() for r in requests]}


def erase(s: Session, resident_id: int) -> None:
    for r in s.exec(select(CertificateRequest).where(CertificateRequest.resident_id == resident_id)):
        if r.status == RequestStatus.PENDING:
            r.recipient_name = ERASED_NAME
            r.content_json = "{}"
            r.id_number = ""
            r.status = RequestStatus.CANCELLED
            s.add(r)
    s.flush()
