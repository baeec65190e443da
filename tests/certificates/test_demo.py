"""The certificates demo's clock: what it issued today it issued today, before now."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

import pytest

from desktop_app.certificates import demo


@pytest.mark.parametrize("clock", [(0, 5), (10, 0), (23, 50)])
def test_a_certificate_of_the_day_is_issued_on_that_day_and_never_after_now(clock):
    day = date(2026, 5, 20)
    now = datetime.combine(day, time(*clock)).astimezone()
    midnight = datetime.combine(day, time(0)).astimezone()
    rng = random.Random(1)
    times = [demo._working_hours(rng, day, now) for _ in range(200)]
    assert all(midnight <= t <= now for t in times)
    earlier = [demo._working_hours(rng, day - timedelta(days=1), now) for _ in range(50)]
    assert all(t.astimezone().date() == day - timedelta(days=1) for t in earlier)
