"""Certificate numbers and their signatures: STATION-YEAR-SERIAL-CHECK (e.g. SQK-2026-000123-K), per station and year, never reused.

The check character is ISO 7064 Mod 37,36 over the code, year and serial, so a mistyped digit or two
swapped neighbours at the verification desk are caught before the register is even asked. Serials
come from a counter row bumped with an UPDATE in the issuing transaction: two desks issuing at once
queue on the row (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock of the UPDATE), and a number,
once handed out, is never handed out again — even if the certificate is later revoked.

The QR code carries ``SDC1:number:signature``: 80 bits of HMAC-SHA256 over the number with the station's
signing key (a StationSetting row, made once by reference.ensure), so a forged code is told apart offline.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from desktop_app.certificates.models import CertificateCounter
from desktop_app.certificates.template_settings import setting_row
from desktop_app.core.models import StationSetting
from desktop_app.core.records import table_of

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NUMBER_RE = re.compile(r"^([A-Z0-9]{1,10})-(\d{4})-(\d{6,})-([0-9A-Z])$")
PAYLOAD_PREFIX = "SDC1"
HMAC_KEY_SETTING = "certificates.hmac_key"


def check_char(code: str, year: int, serial: int) -> str:
    from stdnum.iso7064 import mod_37_36

    return mod_37_36.calc_check_digit(f"{code.upper()}{year:04d}{serial:06d}", alphabet=ALPHABET)


def format_number(code: str, year: int, serial: int) -> str:
    code = code.upper()
    return f"{code}-{year:04d}-{serial:06d}-{check_char(code, year, serial)}"


def normalise(text: str) -> str:
    """What a person typed or a scanner sent → canonical form (full-width folded, upper case, trimmed)."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text or "").strip().upper()
    return re.sub(r"[\s_—–]+", "-", t)


def is_well_formed(number: str) -> bool:
    """True when the number has the right shape and its check character matches."""
    m = NUMBER_RE.match(number or "")
    if not m:
        return False
    code, year, serial, check = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    return check_char(code, year, serial) == check


def next_serial(s: Session, *, station_id: int, year: int) -> int:
    """Reserve the next serial of (station, year) inside the caller's transaction."""
    table = table_of(CertificateCounter)
    bumped = s.execute(
        update(table)
        .where(table.c.station_id == station_id, table.c.year == year)
        .values(last_serial=table.c.last_serial + 1)
        .returning(table.c.last_serial)
    ).scalar()
    if bumped is not None:
        return int(bumped)
    # First certificate of the year: create the row. A concurrent creator makes the insert fail;
    # then the row exists and the UPDATE above works.
    try:
        with s.begin_nested():
            s.execute(table.insert().values(station_id=station_id, year=year, last_serial=1))
        return 1
    except IntegrityError:
        return next_serial(s, station_id=station_id, year=year)



def hmac_key(s: Session, station_id: int) -> bytes:
    """The station's signing key, made once on first use and kept in StationSetting."""
    row = setting_row(s, station_id, HMAC_KEY_SETTING)
    if row is None:
        row = StationSetting(station_id=station_id, key=HMAC_KEY_SETTING, value=secrets.token_hex(32))
        s.add(row)
        s.flush()
    return bytes.fromhex(row.value)


def sign(key: bytes, number: str) -> str:
    """16 base32 characters (80 bits) of HMAC-SHA256 over the certificate number."""
    digest = hmac.new(key, f"smiledesk-certificate|{number}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode("ascii")


def qr_payload(number: str, signature: str) -> str:
    """Upper-case letters, digits, '-' and ':' only, so the QR code uses the compact alphanumeric mode."""
    return f"{PAYLOAD_PREFIX}:{number}:{signature}"
