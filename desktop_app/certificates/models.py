"""Tables of the certificate register: requests (the queue), certificates, print log, counters, images;
the states they go through, and what a certificate says (``CertificateContent``, the input of requests
and issuing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.core.clock import utcnow
from desktop_app.core.db import AwareDateTime


class CertificateKind(StrEnum):
    """The stored values are the first edition's (kept in the register, the audit log and the reports)."""

    SERVICE_RECORD_CERTIFICATE = "service_record"  # 志愿服务记录证明
    HONOUR_CERTIFICATE = "honour"  # 荣誉证书
    THANK_YOU_LETTER = "thank_you"  # 感谢信


class RequestStatus(StrEnum):
    PENDING = "pending"
    ISSUED = "issued"
    CANCELLED = "cancelled"


class CertificateStatus(StrEnum):
    VALID = "valid"
    REVOKED = "revoked"


class PrintKind(StrEnum):
    """How a certificate left the desk (the print log)."""

    PRINT = "print"
    REPRINT = "reprint"
    PDF = "pdf"


class Verdict(StrEnum):
    """What verifying a scanned code or a typed number found."""

    VALID = "valid"  # the signature over the printed content checks out, and it is not revoked
    REVOKED = "revoked"
    UNKNOWN = "unknown"
    TAMPERED = "tampered"
    MALFORMED = "malformed"
    REGISTERED = "registered"  # a typed number found in this register: compare the name on the paper
    UNTRUSTED_KEY = "untrusted_key"  # signed with a key this register does not know, or one withdrawn


class CertificateRequest(SQLModel, table=True):
    """A certificate someone asked for (a feature or the desk); issued later by a coordinator."""

    __tablename__ = "certificate_request"
    __table_args__ = (
        # NULL source_ref (no idempotency key) never collides; a given (source, source_ref) exists once.
        UniqueConstraint("station_id", "source", "source_ref", name="uq_certificate_request_source"),
        Index("ix_certificate_request_status", "status", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    kind: str = Field(max_length=20)
    recipient_name: str = Field(max_length=50)
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    content_json: str = Field(sa_column=Column(Text, nullable=False))
    id_number: str = Field(default="", max_length=18)
    source: str = Field(default="", max_length=40)
    source_ref: str | None = Field(default=None, max_length=100)
    period_end: date | None = Field(default=None)
    status: str = Field(default=RequestStatus.PENDING, max_length=12)
    requested_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    requested_by: str = Field(default="", max_length=50)
    certificate_id: int | None = Field(default=None)


class Certificate(SQLModel, table=True):
    """One issued certificate: its number, the content snapshot it was printed from, its state."""

    __tablename__ = "certificate"
    __table_args__ = (
        Index("ix_certificate_station_id", "station_id", "id"),
        Index("ix_certificate_kind", "kind", "id"),
        Index("ix_certificate_status", "status", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    station_id: int | None = Field(default=None, foreign_key="station.id")
    number: str = Field(max_length=40, unique=True)
    year: int
    serial: int
    kind: str = Field(max_length=20)
    language: str = Field(default="zh", max_length=5)
    recipient_name: str = Field(max_length=50)
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    # Full ID number only for the national-system export; the snapshot (what is printed) holds it masked.
    id_number: str = Field(default="", max_length=18)
    content_json: str = Field(sa_column=Column(Text, nullable=False))
    with_seal: bool = Field(default=False)
    # Older certificates: the HMAC of their SDC1 code. Signed ones: the SHA-256 of the Ed25519 signature, which is
    # in the QR payload of the snapshot (content_json["qr"]).
    signature: str = Field(max_length=64)
    key_id: str = Field(default="", max_length=16)  # the signing key (certificate_key); "" for the older HMAC codes
    issued_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    issued_by_id: int | None = Field(default=None)
    issued_by_name: str = Field(default="", max_length=50)
    request_id: int | None = Field(default=None)
    status: str = Field(default=CertificateStatus.VALID, max_length=10)
    revoked_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    revoked_by: str = Field(default="", max_length=50)
    revoke_reason: str = Field(default="", max_length=500)
    print_count: int = Field(default=0)
    period_end: date | None = Field(default=None)
    entered_at: datetime | None = Field(default=None, sa_type=AwareDateTime, description="entered into the national volunteer system")
    version: int = Field(default=1)  # bumped by revocation and the entered mark; a stale revoke is refused


class CertificateKey(SQLModel, table=True):
    """A station's certificate signing key (Ed25519): the public half here and in the published key file, the
    private half only on the PC that made it (core.keystore). Retired keys still verify what they signed
    before; a revoked key (a PC lost or stolen) verifies nothing from its revocation on."""

    __tablename__ = "certificate_key"

    id: str = Field(primary_key=True, max_length=16)  # the key's fingerprint
    station_id: int | None = Field(default=None, foreign_key="station.id", index=True)
    public_key: str = Field(max_length=64)  # 32 bytes, hex
    created_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    created_by: str = Field(default="", max_length=50)
    retired_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=AwareDateTime)
    revoke_reason: str = Field(default="", max_length=200)


class CertificatePrint(SQLModel, table=True):
    """Every time a certificate left the desk: first print, reprint (with the reason) or saved PDF."""

    __tablename__ = "certificate_print"

    id: int | None = Field(default=None, primary_key=True)
    certificate_id: int = Field(foreign_key="certificate.id", index=True)
    at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)
    actor_id: int | None = Field(default=None)
    actor_name: str = Field(default="", max_length=50)
    how: str = Field(default=PrintKind.PRINT, max_length=10, description="print | reprint | pdf")
    copies: int = Field(default=1)
    reason: str = Field(default="", max_length=500)


class CertificateCounter(SQLModel, table=True):
    """The last serial used per station and year; bumped in the issuing transaction, never rolled back."""

    __tablename__ = "certificate_counter"

    station_id: int = Field(foreign_key="station.id", primary_key=True)
    year: int = Field(primary_key=True)
    last_serial: int = Field(default=0)


class CertificateImage(SQLModel, table=True):
    """Logo and seal images, content-addressed, never changed: a register entry re-renders identically."""

    __tablename__ = "certificate_image"

    sha256: str = Field(primary_key=True, max_length=64)
    mime: str = Field(default="image/png", max_length=30)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: datetime = Field(default_factory=utcnow, sa_type=AwareDateTime)


# --- input ---------------------------------------------------------------------------------------


@dataclass
class CertificateContent:
    """What a certificate says. Rosters and passports build these; the desk fills one in a dialog."""

    kind: str  # a CertificateKind
    recipient_name: str
    resident_id: int | None = None
    id_number: str = ""
    organisation: str = ""
    period_start: date | None = None
    period_end: date | None = None
    hours: float | None = None
    service_content: str = ""
    title: str = ""
    body: str = ""
    source: str = ""
    source_ref: str = ""

    @classmethod
    def from_dict(cls, data: dict, kind: str = "service_record") -> CertificateContent:
        """From a row of ``ctx.services.volunteer_hours.hours_certificate_contents`` (unknown keys ignored)."""
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        if "name" in data and "recipient_name" not in values:
            values["recipient_name"] = data["name"]
        values.setdefault("kind", kind)
        for key in ("period_start", "period_end"):
            if isinstance(values.get(key), str) and values[key]:
                values[key] = date.fromisoformat(values[key])
        return cls(**values)
