"""Pages built for good leave the garbage collector's walk (issue 21, ui/heap.py).

A full collection walked every widget wrapper, module and control of the window — 220,000 objects and
55-70 ms after a few pages, in whichever thread allocated last (often the database lane, holding the GIL
while the GUI thread waited). The program freezes what a page build left alive; a test process builds and
drops hundreds of windows and keeps it off.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core.auth import STAFF, Permission
from desktop_app.ui import heap
from desktop_app.ui.feature import Feature
from desktop_app.ui.main_window import MainWindow


class Page(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.payload = [{"row": i} for i in range(500)]  # what a page keeps: tracked containers
        self.label = QLabel("甲", self)


def _tracked(obj) -> bool:
    """``obj`` is in one of the generations a collection walks (frozen objects are in none)."""
    return any(o is obj for g in range(3) for o in gc.get_objects(generation=g))


@pytest.fixture
def freezing():
    heap.enable()
    return heap  # tests/conftest.py turns it off and unfreezes after the test


def _window(qtbot, ctx) -> MainWindow:
    seen = Permission("see", STAFF)
    window = MainWindow(ctx, [Feature(key, key.title(), lambda _ctx: Page(), seen) for key in ("dashboard", "desk")])
    qtbot.addWidget(window)
    return window


def test_a_page_built_is_frozen_a_moment_later(qtbot, ctx, freezing):
    window = _window(qtbot, ctx)
    desk = window.show_page("desk")
    assert _tracked(desk.payload)  # not at once: the page paints and asks for its data first
    qtbot.waitUntil(lambda: not _tracked(desk.payload), timeout=3000)
    assert not _tracked(window.pages["dashboard"].payload)
    before = gc.get_freeze_count()
    window.show_page("dashboard")  # a revisit builds nothing: nothing more to freeze
    qtbot.wait(heap.AFTER_BUILD_MS + 100)
    assert gc.get_freeze_count() <= before


def test_frozen_objects_are_still_freed_when_no_longer_referenced(freezing):
    import weakref

    class Row:
        pass

    row = Row()
    gone = weakref.ref(row)
    heap.keep_long_lived()
    assert not _tracked(row)
    del row
    assert gone() is None


def test_off_unless_the_program_turns_it_on(qtbot, ctx):
    window = _window(qtbot, ctx)
    desk = window.show_page("desk")
    qtbot.wait(heap.AFTER_BUILD_MS + 150)
    assert _tracked(desk.payload) and gc.get_freeze_count() == 0


def test_the_program_turns_it_on(qapp, db_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop_app import cli
    from desktop_app.ui.wizard import SetupWizard

    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    monkeypatch.setattr(SetupWizard, "exec", lambda self: QDialog.DialogCode.Rejected)  # a new database: cancelled
    monkeypatch.setattr("desktop_app.app.Session.sign_in", lambda self: False)  # or the sign-in, cancelled
    assert cli.main(["--db", str(db_path), "--lang", "en"]) == 0
    assert heap.enabled()  # tests/conftest.py's _heap_freezing_off turns it off after this test


def test_a_closed_windows_cycles_are_collected_once_the_next_window_is_built(qtbot, ctx, freezing):
    """A sign-out closes the window: what was frozen with it goes back to the collector (it left about
    1,200 objects of cycles frozen for good at every sign-out)."""
    import weakref

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    class Node:
        pass

    window = _window(qtbot, ctx)
    node = Node()
    node.me = node  # a reference cycle the page holds (closures, parent links)
    window.pages["dashboard"].node = node
    gone = weakref.ref(node)
    del node
    payload = window.pages["dashboard"].payload
    qtbot.waitUntil(lambda: not _tracked(payload), timeout=3000)  # frozen
    window.close()
    window.deleteLater()
    del window
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert gone() is not None  # a cycle: only the collector frees it
    second = _window(qtbot, ctx)  # signed in again: its first page is frozen a moment later
    qtbot.waitUntil(lambda: not _tracked(second.pages["dashboard"].payload), timeout=3000)
    assert gone() is None
