"""Reference data of the certificates feature: each station's signing key, made once and then kept.

Making it at database open (not on the first issue) means the kiosk, which only reads, can verify from
the start, and two desks issuing their first certificate at once cannot race to create two keys.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.core.models import Station
from desktop_app.core.records import pk


def ensure(s: Session) -> None:
    from desktop_app.certificates.numbering import hmac_key

    for station_id in s.exec(select(Station.id)):
        hmac_key(s, pk(station_id))
