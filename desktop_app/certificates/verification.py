"""Verification: what a scanned QR code or a typed number says — offline, read-only. The desk, the kiosk and
``smiledesk cert-verify`` use it; ``packaging/verify_certificate.py`` does the same outside SmileDesk with
only the station's published key file.

* ``SDC2:…`` (certificates.signing): the content printed on the paper, signed with the station's Ed25519 key.
  Valid only when the signature checks out with a key this register knows and has not revoked, and the
  certificate is not revoked. The signed content is shown, to compare with the paper.
* ``SDC1:number:code`` (issued before): the code proves the number only, against this register's own
  secret. Found means "registered", never plain "valid": the register's details are shown to compare.
* a typed number: "found in this register" with the name and details to compare, never "valid".
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field, replace

from sqlmodel import Session, select

from desktop_app.certificates import numbering, signing
from desktop_app.certificates.models import Certificate, CertificateKey, CertificateStatus, Verdict
from desktop_app.certificates.numbering import HMAC_KEY_SETTING, PAYLOAD_PREFIX, sign
from desktop_app.certificates.template_settings import setting_row
from desktop_app.core.auth import first_station
from desktop_app.core.clock import to_local
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import mask_name

VERDICT_LABELS = {
    Verdict.VALID: QT_TRANSLATE_NOOP("Certificates", "Valid: the code's signature matches the printed content and the station's key, and the certificate is not revoked. Compare the details below with the paper."),
    Verdict.REVOKED: QT_TRANSLATE_NOOP("Certificates", "Revoked: this certificate is no longer valid."),
    Verdict.UNKNOWN: QT_TRANSLATE_NOOP("Certificates", "Unknown: no certificate with this number is in this station's register."),
    Verdict.TAMPERED: QT_TRANSLATE_NOOP("Certificates", "Not genuine: the code's signature does not match its content or this station's key."),
    Verdict.MALFORMED: QT_TRANSLATE_NOOP("Certificates", "Not a certificate number: check what was typed (the last character is a check character)."),
    Verdict.REGISTERED: QT_TRANSLATE_NOOP("Certificates", "Found in this register — this proves the number only. Compare the name and every detail below with the paper."),
    Verdict.UNTRUSTED_KEY: QT_TRANSLATE_NOOP("Certificates", "Not verified: the code is signed with a key this register does not know or has withdrawn."),
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
    details: dict[str, str] = field(default_factory=dict)  # hours, organisation, period, title, masked ID
    key_id: str = ""
    in_register: bool = False

    @property
    def ok(self) -> bool:
        return self.status == Verdict.VALID

    @property
    def message(self) -> str:
        return VERDICT_LABELS[self.status]


def _details_of(cert: Certificate) -> dict[str, str]:
    from desktop_app.certificates.register import snapshot_of

    snap = snapshot_of(cert)
    fields = signing.signed_fields({**snap, "recipient_name": mask_name(cert.recipient_name)}) if snap.get("number") else {}
    return {k: fields.get(k, "") for k in ("organisation", "title", "period_start", "period_end", "hours", "id_masked")}


def _from_register(status: Verdict, cert: Certificate, *, signed: bool = False) -> VerificationResult:
    result = VerificationResult(status, number=cert.number, kind=cert.kind, recipient=mask_name(cert.recipient_name),
                                issued_on=to_local(cert.issued_at).date().isoformat(), signed=signed,
                                details=_details_of(cert), in_register=True, key_id=cert.key_id)
    if cert.status == CertificateStatus.REVOKED:
        return replace(result, status=Verdict.REVOKED, revoke_reason=cert.revoke_reason,
                       revoked_on=to_local(cert.revoked_at).date().isoformat() if cert.revoked_at else "")
    return result


def _verify_signed(s: Session, code: signing.SignedCode) -> VerificationResult:
    f = code.fields
    shown = VerificationResult(Verdict.VALID, number=f["number"], kind=f["kind"], recipient=mask_name(f["name"]),
                               issued_on=f["issued_on"], key_id=code.key_id,
                               details={k: f[k] for k in ("organisation", "title", "period_start", "period_end", "hours", "id_masked")})
    key = s.get(CertificateKey, code.key_id)
    if key is None:
        return replace(shown, status=Verdict.UNTRUSTED_KEY)
    if not signing.check_signature(key.public_key, code):
        return replace(shown, status=Verdict.TAMPERED)
    if key.revoked_at is not None and f["issued_on"] >= to_local(key.revoked_at).date().isoformat():
        return replace(shown, status=Verdict.UNTRUSTED_KEY)
    cert = s.exec(select(Certificate).where(Certificate.number == f["number"])).first()
    if cert is None:  # genuine, from a register this database does not hold (another station's copy)
        return replace(shown, signed=True)
    from desktop_app.certificates.register import snapshot_of

    stored = snapshot_of(cert).get("qr")
    if stored and stored.split(":")[:3] != code.text.split(":") and cert.key_id == code.key_id:
        return replace(shown, status=Verdict.TAMPERED)  # signed, but not what this register issued
    if cert.status == CertificateStatus.REVOKED:
        return _from_register(Verdict.REVOKED, cert, signed=True)
    return replace(shown, signed=True, in_register=True)


def verify_payload(s: Session, payload: str) -> VerificationResult:
    """What a scanned QR code or a typed number says. Offline, read-only."""
    raw = (payload or "").strip()
    if raw.upper().startswith(signing.PREFIX + ":"):
        code = signing.parse(raw)
        if code is None:
            return VerificationResult(Verdict.MALFORMED)
        return _verify_signed(s, code)
    text = numbering.normalise(raw)
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
    # A typed number, or an older code that signs the number only: the details are to be compared by eye.
    return _from_register(Verdict.REGISTERED, cert)
