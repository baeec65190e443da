"""ui.collector: Python's cyclic garbage collector runs on the GUI thread only (issue 14, a day at the desk:
a collection started by a worker thread freed Qt objects there and the process died)."""

from __future__ import annotations

import gc
import threading

import pytest

from desktop_app.ui import collector


@pytest.fixture
def starts():
    """The threads collections start on while the test runs."""
    seen: list[threading.Thread] = []

    def note(phase, _info) -> None:
        if phase == "start":
            seen.append(threading.current_thread())

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


def _churn() -> None:
    for _ in range(100_000):  # cycles: far past every generation's threshold
        a: list = []
        a.append(a)


def test_the_application_installs_the_collector(qapp, monkeypatch):
    from desktop_app.app import make_application

    installed: list[object] = []
    monkeypatch.setattr(collector, "install", lambda app, *a, **k: installed.append(app))
    assert make_application() is qapp
    assert installed == [qapp]


def test_collections_happen_on_the_gui_thread_only(qapp, qtbot, starts):
    """The suite's application collects as the shipped one does (tests/conftest.py: ``qapp``)."""
    running = collector.installed()
    assert running is not None and running.parent() is qapp and not gc.isenabled()
    worker = threading.Thread(target=_churn)
    worker.start()
    worker.join()
    assert worker not in starts, "a worker thread started a collection"
    del starts[:]
    qtbot.waitUntil(lambda: bool(starts), timeout=3000)  # the GUI thread collects what the worker left
    assert set(starts) == {threading.main_thread()}
    assert running.collections > 0


def test_a_collector_that_stops_gives_collection_back_to_python(qapp):
    own = collector.GuiThreadCollector(qapp, interval_ms=10_000)
    try:
        assert not gc.isenabled()
    finally:
        own.stop()
        own.deleteLater()
    assert gc.isenabled()
    gc.disable()  # the session's collector still runs
