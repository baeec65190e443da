"""Certificates anyone can verify offline: an Ed25519 signature over the certificate's content, packed in its QR.

The QR code carries the content itself and the signature over it, in characters a barcode scanner can type
as keystrokes (it types into a text box like a keyboard: ASCII only, upper case survives Caps Lock) and that
keep the QR in its compact alphanumeric mode::

    SDC2:<KEY ID>:<CONTENT>:<SIGNATURE>

``CONTENT`` is base32 (RFC 4648, no padding) of the UTF-8 fields number, kind, name, masked ID, organisation,
title, from, until, hours, issued on, separated by U+001F; ``SIGNATURE`` is base32 of the Ed25519 signature
over the ASCII text ``SDC2:<KEY ID>:<CONTENT>``. A paper whose hours were altered no longer matches its code;
a code made up without the station's private key does not verify.

Keys: each station has one or more signing keys (``certificate_key``: the public half, kept in the database
and published in the station's key file). The private half never leaves the PC that made it
(``core.keystore``: DPAPI on Windows, 0600 elsewhere): a PC that issues a certificate and has no key of its
station makes its own. Rotation retires the station's keys (they keep verifying what they signed) and makes a
new one; a key of a lost PC is revoked. ``key_file`` is the station's public keys with the list of revoked
keys and certificates, signed with a current key: ``packaging/verify_certificate.py`` needs nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from desktop_app.certificates.models import Certificate, CertificateKey, CertificateStatus
from desktop_app.certificates.permissions import CONFIGURE_CERTIFICATES, VIEW_CERTIFICATES
from desktop_app.core import audit, keystore
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import NotFound, StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import Station

PREFIX = "SDC2"
FIELDS = ("number", "kind", "name", "id_masked", "organisation", "title", "period_start", "period_end", "hours",
          "issued_on")
KEY_FILE_FORMAT = "smiledesk-certificate-keys/1"
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")
KEY_GONE = QT_TRANSLATE_NOOP("Errors", "There is no certificate signing key {key}; smiledesk cert-keys list shows the station's keys.")


# --- the payload ------------------------------------------------------------------------------------


SEP = "\x1f"


def _hours(value: Any) -> str:
    if value in (None, ""):
        return ""
    number = float(value)
    return str(int(number)) if number == int(number) else f"{number:.1f}"


def signed_fields(snap: dict) -> dict[str, str]:
    """The content a code signs, from an issue snapshot (what the paper prints)."""
    return {
        "number": snap["number"], "kind": snap["kind"], "name": snap["recipient_name"], "id_masked": snap.get("id_masked", ""),
        "organisation": snap.get("organisation") or "", "title": snap.get("title") or "",
        "period_start": snap.get("period_start") or "", "period_end": snap.get("period_end") or "",
        "hours": _hours(snap.get("hours")), "issued_on": snap["issued_on"],
    }


def _b32(data: bytes) -> str:
    return base64.b32encode(data).rstrip(b"=").decode("ascii")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text.upper() + "=" * (-len(text) % 8))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def signed_text(key_id: str, fields: dict[str, str]) -> str:
    content = SEP.join(str(fields.get(name, "") or "").replace(SEP, " ") for name in FIELDS)
    return f"{PREFIX}:{key_id.upper()}:{_b32(content.encode('utf-8'))}"


@dataclass(frozen=True)
class SignedCode:
    key_id: str
    fields: dict[str, str]
    signature: bytes
    text: str  # what the signature covers


def parse(payload: str) -> SignedCode | None:
    """A scanned SDC2 code, or None when it is not one (the signature is not checked here). Case-insensitive:
    a scanner typing with Caps Lock on sends it in lower case."""
    parts = payload.strip().upper().split(":")
    if len(parts) != 4 or parts[0] != PREFIX:
        return None
    try:
        content = _unb32(parts[2]).decode("utf-8")
        signature = _unb32(parts[3])
    except (ValueError, TypeError, UnicodeDecodeError):
        return None
    values = content.split(SEP)
    if len(signature) != 64 or len(values) != len(FIELDS):
        return None
    return SignedCode(parts[1].lower(), dict(zip(FIELDS, values, strict=True)), signature, ":".join(parts[:3]))


def key_id_of(public: bytes) -> str:
    return hashlib.sha256(b"smiledesk-certificate-key|" + public).hexdigest()[:16]


def check_signature(public_hex: str, code: SignedCode) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(code.signature, code.text.encode("ascii"))
    except (InvalidSignature, ValueError):
        return False
    return True


# --- keys ------------------------------------------------------------------------------------------


def _private_name(key_id: str) -> str:
    return f"cert-{key_id}.ed25519"


def _private_key(key_id: str):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    raw = keystore.read(_private_name(key_id))
    if raw is None or len(raw) != 32:
        return None
    return Ed25519PrivateKey.from_private_bytes(raw)


def _raw_public(private) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _new_key(s: Session, *, actor: Actor, station_id: int | None) -> tuple[CertificateKey, Any]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    private = Ed25519PrivateKey.generate()
    public = _raw_public(private)
    row = CertificateKey(id=key_id_of(public), station_id=station_id, public_key=public.hex(), created_by=actor.username)
    keystore.write(_private_name(row.id), private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="certificate_key", entity_id=row.id,
                 after={"station_id": station_id, "public_key": row.public_key}, subject="")
    return row, private


def signing_key(s: Session, *, actor: Actor, station_id: int | None) -> tuple[str, Any]:
    """(key id, private key) this PC signs the station's certificates with: a current key of the station whose
    private half is here, else a new one made now (its public half registered in this transaction)."""
    rows = s.exec(select(CertificateKey).where(CertificateKey.station_id == station_id,
                                               col(CertificateKey.retired_at).is_(None), col(CertificateKey.revoked_at).is_(None))
                  .order_by(col(CertificateKey.created_at).desc())).all()
    for row in rows:
        private = _private_key(row.id)
        if private is not None:
            return row.id, private
    row, private = _new_key(s, actor=actor, station_id=station_id)
    return row.id, private


def sign(private, key_id: str, fields: dict[str, str]) -> tuple[str, str]:
    """(QR payload, signature) for ``fields`` signed with ``private``."""
    text = signed_text(key_id, fields)
    signature = _b32(private.sign(text.encode("ascii")))
    return f"{text}:{signature}", signature


def _station(s: Session, actor: Actor, station_id: int | None) -> int | None:
    from desktop_app.certificates.template_settings import station_for

    return station_id if station_id is not None and actor.station_id is None else station_for(s, actor)


def list_keys(s: Session, *, actor: Actor, station_id: int | None = None) -> list[CertificateKey]:
    require(actor, VIEW_CERTIFICATES)
    sid = _station(s, actor, station_id)
    return list(s.exec(select(CertificateKey).where(CertificateKey.station_id == sid).order_by(col(CertificateKey.created_at))))


def rotate_key(s: Session, *, actor: Actor, station_id: int | None = None) -> CertificateKey:
    """Retire the station's current keys (they keep verifying what they signed) and make a new one here."""
    require(actor, CONFIGURE_CERTIFICATES)
    sid = _station(s, actor, station_id)
    now = utcnow()
    for row in s.exec(select(CertificateKey).where(CertificateKey.station_id == sid, col(CertificateKey.retired_at).is_(None))):
        row.retired_at = now
        s.add(row)
        audit.record(s, actor=actor, action="retire", entity="certificate_key", entity_id=row.id, subject="")
    row, _private = _new_key(s, actor=actor, station_id=sid)
    return row


def revoke_key(s: Session, *, actor: Actor, key_id: str, reason: str) -> CertificateKey:
    """Withdraw a key (its PC was lost or stolen): codes signed with it no longer verify as genuine."""
    from desktop_app.core.validation import clean_text

    require(actor, CONFIGURE_CERTIFICATES)
    reason = clean_text(reason, F_REASON, max_len=200, required=True, multiline=False)
    row = s.get(CertificateKey, key_id)
    if row is None or (actor.station_id is not None and row.station_id != actor.station_id):
        raise NotFound(KEY_GONE, key=key_id)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        row.retired_at = row.retired_at or row.revoked_at
        row.revoke_reason = reason
        s.add(row)
        audit.record(s, actor=actor, action="revoke", entity="certificate_key", entity_id=row.id, after={"reason": reason},
                     subject="")
    return row


# --- the published key file (public keys and revocations) ----------------------------------------------


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def key_file(s: Session, *, actor: Actor, station_id: int | None = None) -> dict[str, Any]:
    """The station's public keys, revoked keys and revoked certificate numbers, signed with a current key of
    the station kept on this PC (one is made if there is none): what a verifier outside needs."""
    require(actor, VIEW_CERTIFICATES)
    sid = _station(s, actor, station_id)
    station = s.get(Station, sid) if sid is not None else None
    keys = s.exec(select(CertificateKey).where(CertificateKey.station_id == sid).order_by(col(CertificateKey.created_at))).all()
    revoked = s.exec(select(Certificate.number, Certificate.revoked_at).where(
        Certificate.station_id == sid, Certificate.status == CertificateStatus.REVOKED).order_by(Certificate.number)).all()
    body: dict[str, Any] = {
        "format": KEY_FILE_FORMAT,
        "station": {"code": station.code if station else "", "name": station.name if station else ""},
        "issued_at": utcnow().isoformat(),
        "keys": [{"id": k.id, "public_key": k.public_key, "created": _iso(k.created_at), "retired": _iso(k.retired_at),
                  "revoked": _iso(k.revoked_at)} for k in keys],
        "revoked_certificates": [{"number": n, "revoked": _iso(at)} for n, at in revoked],
    }
    _sign_body(s, actor, sid, body)
    return body


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in body.items() if k not in ("signed_by", "signature")}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":")).encode("utf-8")


def _sign_body(s: Session, actor: Actor, station_id: int | None, body: dict[str, Any]) -> None:
    key_id, private = signing_key(s, actor=actor, station_id=station_id)
    if not any(k["id"] == key_id for k in body["keys"]):
        row = s.get(CertificateKey, key_id)
        assert row is not None
        body["keys"].append({"id": row.id, "public_key": row.public_key, "created": _iso(row.created_at), "retired": "",
                             "revoked": ""})
    body["signed_by"] = key_id
    body["signature"] = _b64(private.sign(canonical(body)))


def write_key_file(body: dict[str, Any], target: Path) -> Path:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return target


# --- what a verifier outside the station needs, in one folder -----------------------------------------

VERIFIER = "verify_certificate.py"
NO_VERIFIER = QT_TRANSLATE_NOOP("Errors", "The standalone verifier (verify_certificate.py) is missing from this installation; "
                                "reinstall SmileDesk.")
NOT_WRITTEN = QT_TRANSLATE_NOOP("Errors", "Nothing could be written to {folder} ({detail}); choose another folder, or check "
                                "that the drive is plugged in and not write-protected.")


@dataclass(frozen=True)
class KeyExport:
    key_file: Path
    verifier: Path
    keys: int
    revoked_certificates: int


def verifier_script() -> Path:
    """The standalone verifier: packaging/ of a checkout or of the installed bundle (packaging/smiledesk.spec)."""
    from desktop_app.core import paths

    found = paths.resources_dir().parent / "packaging" / VERIFIER
    if not found.is_file():
        raise StorageError(NO_VERIFIER)
    return found


def export_for_verifiers(s: Session, *, actor: Actor, folder: Path) -> KeyExport:
    """Write the station's key file and the standalone verifier into ``folder``: everything someone outside
    needs to check the station's certificates offline (publish both, or hand them over on a USB stick)."""
    from desktop_app.core import private

    source = verifier_script()
    body = key_file(s, actor=actor)
    folder = Path(folder)
    code = body["station"]["code"] or "station"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = write_key_file(body, folder / f"证书核验公钥-{code}.json")
        verifier = folder / VERIFIER
        private.write_private(verifier, source.read_bytes())
    except OSError as exc:
        raise StorageError(NOT_WRITTEN, folder=str(folder), detail=exc.strerror or str(exc)) from exc
    audit.record(s, actor=actor, action="export", entity="certificate_keys", entity_id=code,
                 after={"keys": [k["id"] for k in body["keys"]], "revoked_certificates": len(body["revoked_certificates"])})
    return KeyExport(target, verifier, len(body["keys"]), len(body["revoked_certificates"]))
