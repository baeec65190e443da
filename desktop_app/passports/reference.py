"""Reference data of passports: the honours ladder (seeded once; stations may edit the rows)."""

from __future__ import annotations

from sqlmodel import Session, select

from desktop_app.passports.models import HonourLevel

# Stations see these names; they are data (a station may rename or add levels), not UI strings.
DEFAULT_LADDER = ((5, "微笑新星"), (20, "微笑之星"), (50, "微笑大使"))


def ensure(s: Session) -> None:
    if s.exec(select(HonourLevel.id).limit(1)).first() is not None:
        return
    for threshold, name in DEFAULT_LADDER:
        s.add(HonourLevel(threshold=threshold, name=name))
    s.flush()
