"""Time: stored in UTC, shown in the station's local time. One place so tests can pass fixed times."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import overload


def utcnow() -> datetime:
    return datetime.now(UTC)


def local_now() -> datetime:
    return datetime.now().astimezone()


def today() -> date:
    return local_now().date()


@overload
def to_local(value: datetime) -> datetime: ...
@overload
def to_local(value: datetime | None) -> datetime | None: ...
def to_local(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def fmt_local(value: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    local = to_local(value)
    return local.strftime(fmt) if local else ""
