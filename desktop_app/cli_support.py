"""Helpers for feature subcommands (desktop_app/<key>/cli.py): open the database, act as a staff account."""

from __future__ import annotations

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate

# What the command line calls each feature (the navigation's names).
FEATURE_NAMES = {
    "dashboard": QT_TRANSLATE_NOOP("Navigation", "Home"),
    "residents": QT_TRANSLATE_NOOP("Navigation", "Residents"),
    "desk": QT_TRANSLATE_NOOP("Navigation", "Service desk"),
    "rosters": QT_TRANSLATE_NOOP("Navigation", "Volunteer rosters"),
    "meals": QT_TRANSLATE_NOOP("Navigation", "Meals"),
    "passports": QT_TRANSLATE_NOOP("Navigation", "Smile passports"),
    "certificates": QT_TRANSLATE_NOOP("Navigation", "Certificates"),
    "reports": QT_TRANSLATE_NOOP("Navigation", "Reports"),
    "admin": QT_TRANSLATE_NOOP("Navigation", "Administration"),
}


def feature_name(key: str) -> str:
    return translate("Navigation", FEATURE_NAMES[key]) if key in FEATURE_NAMES else key


def engine_from_args(args):
    """The migrated engine for ``--db`` (or the default database)."""
    from desktop_app.core.db import url_for
    from desktop_app.features import open_app_database

    return open_app_database(url_for(getattr(args, "db", None)))


def actor_for(s, username: str | None):
    """The active staff account ``username`` (None: the first administrator) as an Actor.

    The command line runs on the station PC by someone with access to the database file; it acts as a
    named account so that the audit log says who did what."""
    from sqlmodel import col, select

    from desktop_app.core.auth import Actor, Role
    from desktop_app.core.models import StaffUser

    q = select(StaffUser).where(StaffUser.active == True)  # noqa: E712
    q = q.where(StaffUser.username == username) if username else q.where(StaffUser.role == Role.ADMIN.value)
    user = s.exec(q.order_by(col(StaffUser.id))).first()
    if user is None:
        from desktop_app.core.i18n import translate

        raise SystemExit(translate("Cli", "no such active staff account: {name}").format(name=username) if username
                         else translate("Cli", "no active administrator account yet: open the app once to set up the station"))
    return Actor.from_user(user)


def warn_calendar(s, *days) -> list[int]:
    """What the pages show where a date falls in a year whose holidays are not entered, on stderr for a
    command (core.workdays.gap_text); returns those years."""
    import sys

    from desktop_app.core import workdays

    years = workdays.years_missing(s, *days)
    if years:
        print(workdays.gap_text(years), file=sys.stderr)
    return years
