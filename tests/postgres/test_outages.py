"""The server restarted, down or frozen (issue 22 item 3): timeouts, a banner instead of crash dialogs, translated
messages without driver text, start-up with retry, and the kiosk stamping on through an outage with its queue
replayed once the server is back — never a double award."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text
from sqlmodel import func, select

from desktop_app import app as app_module
from desktop_app import features
from desktop_app.core import auth
from desktop_app.core.db import ServerUnreachable, session_scope
from desktop_app.core.db.errors import UNREACHABLE
from desktop_app.core.errors import StorageError
from desktop_app.passports import activities, cards
from desktop_app.passports.models import ActivityCreate, StampEntry
from desktop_app.passports.offline import QueuedScan, replay_scan
from desktop_app.ui import connecting, ops

pytestmark = pytest.mark.slow  # real outages take seconds each

DRIVER_WORDS = ("psycopg", "connection to server", "127.0.0.1", "Errno", "timeout expired", "SSL", "Traceback")


def _boxes(widget) -> list[str]:
    """Message boxes shown over ``widget`` or on their own (a box without a parent is a top-level window)."""
    from PySide6.QtWidgets import QApplication

    boxes = set(widget.findChildren(QMessageBox)) | {w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)}
    return [b.text() for b in boxes if b.isVisible()]


@pytest.fixture
def reported(monkeypatch) -> list[BaseException]:
    """What went to the GUI's one error policy (``ops.report_error``: a message box each)."""
    got: list[BaseException] = []
    monkeypatch.setattr(ops, "report_error", lambda _parent, exc: got.append(exc))
    return got


def _no_driver_text(message: str) -> None:
    assert not any(w in message for w in DRIVER_WORDS), message


def test_a_page_read_with_the_server_down_shows_the_banner_not_a_dialog_and_recovers(outage, subdistrict, qtbot,
                                                                                    tmp_path, wait_ops, reported):
    sd = subdistrict
    engine = sd.engine("a")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = app_module.build_main_window(engine, sd.actors["desk-a"], settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page("residents")
    wait_ops()
    banner = window.server_banner
    assert banner.isHidden()
    outage.stop()
    for _ in range(3):  # every refresh fails (the list, its count, the filter choices); none raises a dialog
        window.refresh_current()
        wait_ops()
    assert reported == [] and _boxes(window) == []
    assert ops.server_monitor().state == "unreachable"
    assert banner.isVisible() and "cannot be reached" in banner.text()
    _no_driver_text(banner.text())
    failed = []  # a save in a dialog is told, in words a person can act on
    ops.write(window, engine, lambda s: s.execute(text("SELECT 1")), on_error=failed.append)
    wait_ops()
    assert isinstance(failed[0], ServerUnreachable) and failed[0].text() == UNREACHABLE
    outage.start()
    qtbot.waitUntil(lambda: ops.server_monitor().state == "ok", timeout=10000)  # the monitor's ping got through
    qtbot.waitUntil(banner.isHidden, timeout=2000)
    wait_ops()
    assert reported == [] and _boxes(window) == []


def test_a_frozen_server_shows_not_answering_then_unreachable_and_nothing_blocks(outage, subdistrict, qtbot, tmp_path,
                                                                               wait_ops, reported):
    sd = subdistrict
    engine = sd.engine("a")
    with session_scope(engine, write=False) as s:  # a pooled connection, opened before the freeze
        s.execute(text("SELECT 1"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = app_module.build_main_window(engine, sd.actors["desk-a"], settings)
    qtbot.addWidget(window)
    window.show()
    wait_ops()
    outage.pause()
    answers = []
    ops.query(window, engine, lambda s: s.execute(text("SELECT count(*) FROM resident")).scalar(), answers.append)
    # the GUI thread keeps running: the banner appears while the query waits
    qtbot.waitUntil(lambda: window.server_banner.isVisible() and "not answering" in window.server_banner.text(),
                    timeout=5000)
    qtbot.waitUntil(lambda: ops.server_monitor().state == "unreachable", timeout=15000)  # the PC's own limit
    assert answers == [] and reported == [] and _boxes(window) == []
    outage.resume()
    qtbot.waitUntil(lambda: ops.server_monitor().state == "ok", timeout=15000)
    ops.query(window, engine, lambda s: s.execute(text("SELECT count(*) FROM resident")).scalar(), answers.append)
    wait_ops(15000)
    assert answers[-1] == 2 and set(answers) == {2}  # the first query failed quietly, or answered after the thaw


def test_a_server_restart_is_survived_by_the_pool(outage, subdistrict):
    engine = subdistrict.engine("a")
    with session_scope(engine, write=False) as s:
        assert s.execute(text("SELECT count(*) FROM resident")).scalar() == 2
    outage.restart()  # every pooled connection is dead now
    with session_scope(engine, write=False) as s:
        assert s.execute(text("SELECT count(*) FROM resident")).scalar() == 2


@pytest.mark.parametrize("how", ["down", "frozen", "closed port"])
def test_start_up_against_an_unreachable_server_says_so_and_offers_retry(outage, subdistrict, qapp, monkeypatch, how):
    asked: list[str] = []
    answers = iter([True, False])  # Retry once, then Close
    monkeypatch.setattr(connecting.StartupRetry, "ask", classmethod(lambda cls, t: asked.append(t) or next(answers)))
    url = subdistrict.url("a")
    if how == "down":
        outage.stop()
    elif how == "frozen":
        outage.pause()
    else:
        url = url.replace(f":{outage.port}/", ":9/")  # nothing listens there
    assert connecting.open_with_retry(lambda: features.open_app_database(url)) is None
    assert len(asked) == 2
    assert asked[0].startswith(UNREACHABLE) and "Retry" in asked[0]
    _no_driver_text(asked[0])


def test_start_up_with_a_wrong_password_says_which_account_problem(outage, subdistrict, qapp, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(connecting.StartupRetry, "ask", classmethod(lambda cls, t: asked.append(t) or False))
    role, _password = subdistrict.logins["a"]
    url = subdistrict.server.url(user=role, password="wrong", database=subdistrict.database)
    assert connecting.open_with_retry(lambda: features.open_app_database(url)) is None
    assert "refused this computer's database account or password" in asked[0]
    _no_driver_text(asked[0])


def test_use_cases_get_a_translated_error_when_the_server_is_down(outage, subdistrict):
    engine = subdistrict.engine("a")
    outage.stop()
    with pytest.raises(StorageError) as err, session_scope(engine, write=False) as s:
        s.execute(text("SELECT 1"))
    assert isinstance(err.value, ServerUnreachable)
    _no_driver_text(err.value.text())


TODAY = date.today()


@pytest.fixture
def kiosk_setup(subdistrict):
    """Station a's kiosk account, one activity today, a passport."""
    sd = subdistrict
    with session_scope(sd.owner) as s:
        kiosk = auth.kiosk_actor(s, station_code="XYJ")
        act = activities.create_activity(s, actor=sd.actors["admin-a"], data=ActivityCreate(
            name="垃圾分类引导", start_date=TODAY, stamps=2)).id
        number = cards.issue_passport(s, actor=sd.actors["admin-a"], resident_id=sd.residents["a1"], today=TODAY,
                                      rng=random.Random(7)).number
    return kiosk, act, number


def _awards(sd) -> int:
    with session_scope(sd.owner, write=False) as s:
        return s.exec(select(func.count()).select_from(StampEntry)).one()


def test_replaying_a_kept_check_in_never_awards_twice(subdistrict, kiosk_setup):
    sd = subdistrict
    kiosk, act, number = kiosk_setup
    engine = sd.engine("a")
    scan = QueuedScan(1, number, TODAY, None, "2026-01-01T00:00:00+00:00")
    with session_scope(engine) as s:
        first = replay_scan(s, actor=kiosk, scan=scan)
    with session_scope(engine) as s:
        again = replay_scan(s, actor=kiosk, scan=scan)
        chosen = replay_scan(s, actor=kiosk, scan=QueuedScan(2, number, TODAY, act, "2026-01-01T00:00:00+00:00"))
    assert (first.awarded, again.already, chosen.already) == (2, True, True)
    assert _awards(sd) == 1


def _kiosk(qtbot, sd, kiosk, tmp_path, monkeypatch):
    import dataclasses

    from desktop_app.passports.ui.kiosk import KioskWindow
    from desktop_app.ui.context import AppContext

    monkeypatch.setattr("desktop_app.passports.ui.kiosk_offline.OFFLINE_AFTER_MS", 500)
    monkeypatch.setattr("desktop_app.passports.ui.kiosk_offline.REPLAY_MS", 500)
    ctx = AppContext(engine=sd.engine("a"), actor=kiosk, settings=QSettings(str(tmp_path / "k.ini"),
                                                                              QSettings.Format.IniFormat),
                     station_name="逍遥津社区党群服务中心")
    w = KioskWindow(dataclasses.replace(ctx), lambda s, pin: False, idle_ms=60_000, today=lambda: TODAY, locked=False)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def test_the_kiosk_keeps_stamping_through_an_outage_and_replays_once(outage, subdistrict, kiosk_setup, qtbot, tmp_path,
                                                                    monkeypatch, wait_ops, reported):
    sd = subdistrict
    kiosk, _act, number = kiosk_setup
    w = _kiosk(qtbot, sd, kiosk, tmp_path, monkeypatch)
    wait_ops()
    assert w.queue is not None and w._todays  # today's activity was read while the server answered
    outage.stop()
    w.scan(number)  # the server refuses the connection: kept
    wait_ops()
    qtbot.waitUntil(lambda: len(w.queue) == 1, timeout=5000)
    assert "keeps your check-in" in w.card_page.message.text()
    assert not w.offline_notice.isHidden() and "1 waiting" in w.offline_notice.text()
    w.scan(number)  # the same card again, now known to be offline: kept again (the replay awards once)
    assert len(w.queue) == 2 and reported == [] and _boxes(w) == []
    outage.start()
    qtbot.waitUntil(lambda: len(w.queue) == 0, timeout=20000)
    wait_ops()
    assert _awards(sd) == 1
    qtbot.waitUntil(w.offline_notice.isHidden, timeout=5000)


def test_the_kiosk_keeps_a_check_in_the_frozen_server_does_not_answer(outage, subdistrict, kiosk_setup, qtbot,
                                                                      tmp_path, monkeypatch, wait_ops):
    sd = subdistrict
    kiosk, _act, number = kiosk_setup
    w = _kiosk(qtbot, sd, kiosk, tmp_path, monkeypatch)
    wait_ops()
    outage.pause()
    w.scan(number)
    qtbot.waitUntil(lambda: len(w.queue) == 1, timeout=5000)  # no answer within OFFLINE_AFTER_MS: kept, told
    assert "keeps your check-in" in w.card_page.message.text()
    outage.resume()  # the first attempt may still commit; the replay then awards nothing more
    qtbot.waitUntil(lambda: len(w.queue) == 0, timeout=30000)
    wait_ops(30000)
    assert _awards(sd) == 1
