"""The day at the desk: the main window on the small demo (signed in as the administrator) and the kiosk."""

from __future__ import annotations

import pytest


@pytest.fixture
def desk_day(qtbot, engine, admin, tmp_path, app_fonts):
    """A DeskDay (tests/day/scenario.py) on the ``engine`` fixture's database (SQLite, or PostgreSQL with
    SMILEDESK_TEST_DATABASE_URL) with the small demo loaded."""
    from .scenario import open_day

    day = open_day(engine, tmp_path)
    for window in (day.window, day.kiosk):
        qtbot.addWidget(window)
    yield day
    day.close()
