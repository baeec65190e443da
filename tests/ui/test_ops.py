"""ui.ops: database work off the GUI thread, in order, with one error policy."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlmodel import select

from desktop_app.core.errors import ValidationError
from desktop_app.core.models import Station
from desktop_app.ui import ops


def test_query_runs_off_the_gui_thread_and_hands_back_on_it(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def fn(s):
        seen["thread"] = threading.current_thread()
        return [st.name for st in s.exec(select(Station))]

    ops.query(parent, engine, fn, lambda names: seen.setdefault("names", names))
    wait_ops()
    assert seen["thread"] is not threading.main_thread()
    assert seen["names"] == ["逍遥津社区党群服务中心"]


def test_writes_and_reads_run_in_the_order_asked(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []

    def rename(name):
        def fn(s):
            st = s.exec(select(Station)).first()
            st.name = name
            s.add(st)
        return fn

    for i in range(5):
        ops.write(parent, engine, rename(f"站{i}"))
        ops.query(parent, engine, lambda s: s.exec(select(Station)).first().name, results.append)
    wait_ops()
    assert results == [f"站{i}" for i in range(5)]


def test_a_failed_write_writes_nothing_and_shows_the_translated_message(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    qtbot.addWidget(parent)

    def fn(s):
        st = s.exec(select(Station)).first()
        st.name = "改了"
        s.add(st)
        s.flush()
        raise ValidationError("Name", "Type a name.")

    handle = ops.write(parent, engine, fn, lambda _: None)
    wait_ops()
    assert isinstance(handle.error, ValidationError)
    boxes = [w for w in parent.findChildren(QMessageBox)]
    assert boxes and "Type a name." in boxes[-1].text()
    boxes[-1].close()
    got = []
    ops.query(parent, engine, lambda s: s.exec(select(Station)).first().name, got.append)
    wait_ops()
    assert got == ["逍遥津社区党群服务中心"]


def test_latest_drops_results_of_superseded_queries(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = []
    gate = threading.Event()

    def slow(s):
        gate.wait(5)
        return "old"

    first = ops.query(parent, engine, slow, shown.append, latest="search")
    second = ops.query(parent, engine, lambda s: "new", shown.append, latest="search")
    gate.set()
    wait_ops()
    assert shown == ["new"]
    assert first.superseded and not second.superseded


def test_results_for_a_deleted_widget_are_dropped(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    gate = threading.Event()
    called = []

    def slow(s):
        gate.wait(5)
        return 1

    ops.query(parent, engine, slow, called.append)
    parent.deleteLater()
    qtbot.wait(10)
    gate.set()
    wait_ops()
    assert called == []


def test_finished_ops_do_not_stay_attached_to_their_widget(qtbot, engine, admin, wait_ops):
    """A page refreshes thousands of times a day; each op's handle must go once it is done."""
    parent = QWidget()
    qtbot.addWidget(parent)
    for _ in range(50):
        ops.query(parent, engine, lambda s: 1, lambda _: None)
        ops.run_op(parent, lambda progress: 2, lambda _: None, title="t")
    wait_ops()
    qtbot.waitUntil(lambda: not parent.findChildren(ops.OpHandle), timeout=5000)


def test_many_ops_with_widgets_closing_midway_never_crash(qtbot, engine, admin, wait_ops):
    """Pages come and go while their reads are on the way back (sign-out, language change, tests)."""
    import random

    rng = random.Random(7)
    shown = []
    for _round in range(20):
        parents = [QWidget() for _ in range(5)]
        for p in parents:
            for _ in range(5):
                ops.query(p, engine, lambda s: 1, shown.append)
                ops.run_op(p, lambda progress: [progress(i, 3, "") for i in range(3)] and 2, shown.append, title="t")
        for p in parents:
            if rng.random() < 0.5:
                p.deleteLater()
        qtbot.wait(rng.randint(0, 3))
        for p in parents:
            try:
                p.deleteLater()
            except RuntimeError:
                pass
    wait_ops()
    qtbot.wait(20)
    assert ops.idle() and not ops._bridges


def test_a_finished_op_keeps_nothing_it_was_given(qtbot, engine, admin, wait_ops):
    """Issue 14 (a day at the desk): the pool's wrapper kept the Python QRunnable of one op in ten after Qt
    deleted it, and with it the op's closures and what they captured — thousands of ops a day, never freed.
    Here each op's function holds a marker; once the ops are done none may be left."""
    import gc

    from PySide6.QtWidgets import QLabel
    from sqlalchemy import text

    class Marker:
        pass

    parent = QWidget()
    qtbot.addWidget(parent)
    for _ in range(200):
        marker = Marker()
        ops.query(parent, engine, lambda s, m=marker: s.execute(text("SELECT 1")).scalar(), lambda _r: None)
        ops.write(parent, engine, lambda s, m=marker: None)
        del marker
        for i in range(20):  # the GUI thread busy meanwhile, as it is while a page fills in
            QLabel(str(i)).setText("x")
        qtbot.wait(0)
    wait_ops()
    qtbot.wait(20)
    gc.collect()
    assert sum(1 for o in gc.get_objects() if type(o) is Marker) == 0


def test_a_query_asked_for_later_counts_as_running_and_runs_once_where_the_asks_stop(qtbot, engine, admin, wait_ops):
    """Issue 21: a preview that follows the selection draws where the arrow keys stop, not at every row."""
    parent = QWidget()
    qtbot.addWidget(parent)
    ran, shown = [], []

    def ask(n):
        def fn(s):
            ran.append(n)
            return n
        return ops.query(parent, engine, fn, shown.append, latest="preview", after_ms=60)

    handles = [ask(n) for n in range(5)]
    assert not ops.idle()  # waiting to start is running, for ops.idle and the tests that wait on it
    wait_ops()
    assert ran == [4] and shown == [4]
    assert all(h.superseded for h in handles[:4]) and not handles[4].superseded


def test_a_query_asked_for_later_by_a_widget_deleted_meanwhile_never_runs(qtbot, engine, admin, wait_ops):
    parent = QWidget()
    ran = []
    ops.query(parent, engine, lambda s: ran.append(1), after_ms=50)
    assert not ops.idle()
    parent.deleteLater()
    wait_ops()
    qtbot.wait(100)
    assert ran == [] and ops.idle()


def test_a_worker_finishing_after_its_bridge_was_deleted_at_shutdown_says_nothing(qtbot):
    """At shutdown the application deletes what is left, the op bridges of still-running work included; the
    worker's emit then raised "Signal source has been deleted" on its thread (printed as the app closed). A
    live bridge's errors still come through."""
    import shiboken6

    serial = -4242
    bridge = ops._Bridge()
    ops._bridges[serial] = bridge
    try:
        shiboken6.delete(bridge)
        ops._emit(serial, "finished", 1)  # nothing raised, nothing printed
        with pytest.raises(TypeError):  # a live bridge: a wrong call is still an error
            ops._bridges[serial] = ops._Bridge()
            ops._emit(serial, "progressed", "not a number")
    finally:
        ops._bridges.pop(serial, None)
