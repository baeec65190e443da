"""Shared builders for certificate tests."""

from __future__ import annotations

import io
from datetime import date

from desktop_app.certificates.models import CertificateContent


def service_record(**over) -> CertificateContent:
    values = dict(
        kind="service_record",
        recipient_name="张桂芳",
        id_number="11010519491231002X",
        organisation="逍遥津社区小红帽党员志愿巡逻队",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        hours=126.5,
        service_content="小红帽巡逻、垃圾分类引导",
    )
    values.update(over)
    return CertificateContent(**values)


def honour(**over) -> CertificateContent:
    values = dict(kind="honour", recipient_name="李建国", title="微笑之星", organisation="逍遥津街道")
    values.update(over)
    return CertificateContent(**values)


def thank_you(**over) -> CertificateContent:
    values = dict(kind="thank_you", recipient_name="陈秀英")
    values.update(over)
    return CertificateContent(**values)


def pdf_text(data: bytes) -> list[str]:
    """Text of each page (pypdf), with whitespace removed so letter-spaced Chinese compares plainly."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return ["".join((page.extract_text() or "").split()) for page in reader.pages]
