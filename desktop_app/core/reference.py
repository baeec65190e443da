"""Reference data the foundation needs in every database (the work calendar)."""

from __future__ import annotations

from sqlmodel import Session

from desktop_app.core import workdays


def ensure_reference_data(s: Session) -> None:
    workdays.seed(s)
