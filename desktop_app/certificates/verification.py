"""Verification: what a scanned QR code (``SDC1:number:signature``) or a typed number says — offline,
read-only, against the register and the station's signing key. The desk, the kiosk and
``smiledesk cert-verify`` use it.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from sqlmodel import Session, select

from desktop_app.certificates import numbering
from desktop_app.certificates.models import Certificate, CertificateStatus, Verdict
from desktop_app.certificates.numbering import HMAC_KEY_SETTING, PAYLOAD_PREFIX, sign
from desktop_app.certificates.template_settings import setting_row
from desktop_app.core.auth import first_station
from desktop_app.core.clock import to_local
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import mask_name

VERDICT_LABELS = {
    Verdict.VALID: QT_TRANSLATE_NOOP("Certificates", "Valid: issued by this station and not revoked."),
    Verdict.REVOKED: QT_TRANSLATE_NOOP("Certificates", "Revoked: this certificate is no longer valid."),
    Verdict.UNKNOWN: QT_TRANSLATE_NOOP("Certificates", "Unknown: no certificate with this number is in this station's register."),
    Verdict.TAMPERED: QT_TRANSLATE_NOOP("Certificates", "Not genuine: the code's signature does not match this station's key."),
    Verdict.MALFORMED: QT_TRANSLATE_NOOP("Certificates", "Not a certificate number: check what was typed (the last character is a check character)."),
}


@dataclass(frozen=True)
class VerificationResult:
    status: Verdict
    number: str = ""
    kind: str = ""
    recipient: str = ""  # masked (the kiosk shows it to whoever scans)
    issued_on: str = ""
    revoked_on: str = ""
    revoke_reason: str = ""
    signed: bool = False  # True: came from a QR code whose signature checked out

    @property
    def ok(self) -> bool:
        return self.status == Verdict.VALID

    @property
    def message(self) -> str:
        return VERDICT_LABELS[self.status]


def verify_payload(s: Session, payload: str) -> VerificationResult:
    """What a scanned QR code (``SDC1:number:signature``) or a typed number says. Offline, read-only."""
    text = numbering.normalise(payload)
    signature = ""
    if text.startswith(PAYLOAD_PREFIX + ":"):
        parts = text.split(":")
        if len(parts) != 3:
            return VerificationResult(Verdict.MALFORMED)
        _, number, signature = parts
    else:
        number = text
    if not numbering.is_well_formed(number):
        return VerificationResult(Verdict.MALFORMED, number=number[:40])
    cert = s.exec(select(Certificate).where(Certificate.number == number)).first()
    if signature:
        station_id = cert.station_id if cert is not None else None
        if station_id is None:
            station = first_station(s)
            station_id = station.id if station else None
        key_row = setting_row(s, station_id, HMAC_KEY_SETTING) if station_id is not None else None
        if key_row is None or not hmac.compare_digest(sign(bytes.fromhex(key_row.value), number), signature):
            return VerificationResult(Verdict.TAMPERED, number=number)
    if cert is None:
        return VerificationResult(Verdict.UNKNOWN, number=number, signed=bool(signature))
    common = dict(number=cert.number, kind=cert.kind, recipient=mask_name(cert.recipient_name),
                  issued_on=to_local(cert.issued_at).date().isoformat(), signed=bool(signature))
    if cert.status == CertificateStatus.REVOKED:
        return VerificationResult(Verdict.REVOKED, revoked_on=to_local(cert.revoked_at).date().isoformat() if cert.revoked_at else "",
                                  revoke_reason=cert.revoke_reason, **common)
    return VerificationResult(Verdict.VALID, **common)
