"""The smile wall: masked names, levels, month stamps, leaderboard order, opt-out, rotation."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel

from desktop_app import residents as rs
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.passports import activities, settings, stamps, wall
from desktop_app.passports.models import ActivityCreate
from desktop_app.passports.ui import wall as wall_window
from desktop_app.passports.ui.wall import SmileWall
from desktop_app.residents.models import ResidentCreate

from .conftest import TODAY

NAMES = ["张晓明", "李秀英", "王建国", "刘桂兰", "陈志强", "杨丽华", "赵德胜", "黄美玲", "周国平", "吴淑珍", "徐卫东", "孙玉梅", "胡建华"]


@pytest.fixture
def busy_month(engine, admin):
    """13 residents; resident i has i+1 stamps this month (and 3 more last month)."""
    with session_scope(engine) as s:
        ids = [rs.create_resident(s, actor=admin, data=ResidentCreate(name=n, community="逍遥津社区")).id for n in NAMES]
        acts = [activities.create_activity(s, actor=admin, data=ActivityCreate(
            name=f"活动{k}", kind="daily", start_date=TODAY - timedelta(days=60), stamps=1)) for k in range(len(NAMES))]
        settings.set_daily_cap(s, actor=admin, stamps=50)
    with session_scope(engine) as s:
        for i, rid in enumerate(ids):
            for k in range(i + 1):
                stamps.award_stamp(s, actor=admin, resident_id=rid, activity_id=acts[k].id, today=TODAY)
            for k in range(3):
                stamps.award_stamp(s, actor=admin, resident_id=rid, activity_id=acts[k].id, today=TODAY - timedelta(days=31))
    return ids


def texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.isVisible()]


def test_wall_shows_masked_participants_in_order_and_respects_opt_out(qtbot, app_fonts, ctx, engine, admin, busy_month,
                                                                       wait_ops):
    with session_scope(engine) as s:
        wall.set_wall_opt_out(s, actor=admin, resident_id=busy_month[-1], opt_out=True)  # 胡建华, the top scorer
        kiosk = auth.kiosk_actor(s)
    w = SmileWall(dataclasses.replace(ctx, actor=kiosk), rotate_ms=60_000, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    wait_ops()
    # Tiles added to a shown window appear once Qt has processed their (queued) show.
    qtbot.waitUntil(lambda: "Stamps this month: 12" in " ".join(texts(w)))
    shown = " ".join(texts(w))
    assert "胡*华" not in shown and all(n not in shown for n in NAMES)  # opted out; never a full name
    assert [r.masked_name for r in w.leaders[:3]] == ["孙*梅", "徐*东", "吴*珍"]
    assert [r.month_stamps for r in w.leaders[:3]] == [12, 11, 10]
    assert w.leaders[0].level == "微笑新星"  # 12 + 3 earned = 15
    assert len(w.participants) == 12 and w.pages == 2
    assert "孙*梅" in shown and "Stamps this month: 12" in shown


def test_wall_rotates_pages_on_its_timer(qtbot, app_fonts, ctx, busy_month, wait_ops):
    w = SmileWall(ctx, rotate_ms=50, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    wait_ops()
    start = w.page
    first = [r.resident_id for r in w.visible_rows()]
    qtbot.waitUntil(lambda: w.page != start, timeout=3000)
    second = [r.resident_id for r in w.visible_rows()]
    assert first and second and not set(first) & set(second)
    qtbot.waitUntil(lambda: w.page == start, timeout=3000)  # two pages: round again


def test_empty_wall_invites_people(qtbot, app_fonts, ctx, wait_ops):
    w = SmileWall(ctx, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    wait_ops()
    qtbot.waitUntil(lambda: any("your smile appears here" in t for t in texts(w)))
    assert wall_window.COLUMNS * wall_window.ROWS >= 6
