"""Issue 19 item 9: HTML typed into the program is shown as text, never rendered.

An activity named ``<img src=...>`` on the public kiosk, a station named with markup on the smile wall and in
the report title, a desk request's summary in the resident hint: each label showing them is plain text (or
rich text with the data escaped), so no image, link or formatting from a person's text reaches the screen.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app import residents as rs
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.passports import activities
from desktop_app.passports.models import ActivityCreate
from desktop_app.residents.models import ResidentCreate

TODAY = date(2026, 5, 12)
IMG = "<img src='file:///etc/hosts' width=400>"


def rendered_html(root: QWidget) -> list[str]:
    """Texts of labels under ``root`` that Qt would render as HTML with our payload in them."""
    out = []
    for label in [root, *root.findChildren(QLabel)] if isinstance(root, QLabel) else root.findChildren(QLabel):
        text = label.text()
        if "<img" in text and label.textFormat() != Qt.TextFormat.PlainText:
            out.append(f"{label.objectName() or type(label.parent()).__name__}: {text}")
    return out


def shown(root: QWidget) -> str:
    return " ".join(lab.text() for lab in root.findChildren(QLabel) if lab.isVisible())


@pytest.fixture
def html_activity(engine, admin):
    with session_scope(engine) as s:
        return activities.create_activity(s, actor=admin, data=ActivityCreate(
            name=f"垃圾分类{IMG}", category="环保", kind="once", start_date=TODAY, stamps=1))


def test_kiosk_today_line_shows_an_activity_name_as_text(qtbot, app_fonts, ctx, engine, html_activity, wait_ops):
    from desktop_app.passports.ui.kiosk import KioskWindow

    with session_scope(engine) as s:
        kiosk_actor = auth.kiosk_actor(s)
    w = KioskWindow(dataclasses.replace(ctx, actor=kiosk_actor), locked=False, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_ops()
    qtbot.waitUntil(lambda: "<img" in w.today_label.text())
    assert w.today_label.textFormat() == Qt.TextFormat.PlainText
    assert rendered_html(w) == []
    w._unlocked = True
    w.close()


def test_wall_subtitle_and_report_title_show_a_station_name_as_text(qtbot, app_fonts, ctx, engine, wait_ops):
    from desktop_app.passports.ui.wall import SmileWall

    with session_scope(engine) as s:
        kiosk_actor = auth.kiosk_actor(s)
    wall = SmileWall(dataclasses.replace(ctx, actor=kiosk_actor, station_name=f"逍遥津{IMG}"), rotate_ms=60_000,
                     today=lambda: TODAY)
    qtbot.addWidget(wall)
    wall.show()
    qtbot.waitExposed(wall)
    wait_ops()
    qtbot.waitUntil(lambda: "<img" in wall.subtitle.text())
    assert rendered_html(wall) == []


def test_desk_hint_shows_request_summaries_as_text(qtbot, app_fonts, ctx, engine, admin, wait_ops):
    from types import SimpleNamespace

    from desktop_app.desk import visits
    from desktop_app.desk.ui.page import DeskPage

    with session_scope(engine) as s:
        resident = rs.create_resident(s, actor=admin, data=ResidentCreate(name="张晓明", phone="13912345819"))
        visits.create_record(s, actor=admin, category_code="request", summary=f"漏水{IMG}", resident_id=resident.id)
    page = DeskPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    page._resident_chosen(SimpleNamespace(id=resident.id, name=resident.name))  # chosen in the picker
    wait_ops()
    qtbot.waitUntil(lambda: "<img" in page.hint.text())
    assert rendered_html(page) == []


def test_message_boxes_and_every_new_label_are_plain_text(qtbot, qapp):
    """The policy itself (ui.plain_text): a label made anywhere, at any time, is plain text unless it asked."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel(IMG, holder)
    rich = QLabel("<b>ours</b>", holder)
    rich.setTextFormat(Qt.TextFormat.RichText)
    holder.show()
    qtbot.waitExposed(holder)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert rich.textFormat() == Qt.TextFormat.RichText
