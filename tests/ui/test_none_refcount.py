"""Guard against a binding that leaks references to ``None`` (the app aborts after a morning's use).

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every Qt call that returns nothing; after
~720 page switches the count reaches zero and Python aborts with "Fatal Python error: none_dealloc".
``None`` is immortal from Python 3.12, so the fault only bites below it, but the check is cheap and runs
everywhere: a later binding that brings it back fails here, not at a station.
"""

from __future__ import annotations

import sys

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QWidget

CALLS = 1000


def _none_delta(call) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return sys.getrefcount(None) - before


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count never moves")
@pytest.mark.parametrize(
    "name, make_call",
    [
        ("QLabel.setText", lambda: (lambda w: (lambda: w.setText("x")))(QLabel())),
        ("QLineEdit.clear", lambda: (lambda w: w.clear)(QLineEdit())),
        ("QWidget.setEnabled", lambda: (lambda w: (lambda: w.setEnabled(True)))(QWidget())),
        ("QObject.setObjectName", lambda: (lambda o: (lambda: o.setObjectName("n")))(QObject())),
        ("QTimer.stop", lambda: (lambda t: t.stop)(QTimer())),
    ],
)
def test_qt_calls_returning_nothing_keep_none_count(qapp, name, make_call):
    call = make_call()
    call()  # first call may create caches
    delta = _none_delta(call)
    assert abs(delta) < CALLS // 10, (
        f"{name}: sys.getrefcount(None) moved by {delta} over {CALLS} calls with PySide6 {pyside_version}. "
        "This binding leaks references to None; the app will abort with 'none_dealloc'. "
        "Keep PySide6 at a verified release (pyproject.toml)."
    )


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count never moves")
def test_page_switching_keeps_none_count(qapp):
    """What the app does all day: switch pages in a stack and set labels."""
    stack = QStackedWidget()
    labels = [QLabel(str(i)) for i in range(10)]
    for label in labels:
        stack.addWidget(label)

    def switch() -> None:
        for i, label in enumerate(labels):
            stack.setCurrentIndex(i)
            label.setText(f"page {i}")

    switch()
    delta = _none_delta(switch)
    assert abs(delta) < CALLS, f"sys.getrefcount(None) moved by {delta} switching pages (PySide6 {pyside_version})"


def test_installed_pyside_is_a_verified_release():
    """pyproject.toml constrains PySide6 to releases verified here; a build that bypasses it is refused."""
    from desktop_app.qt_support import VERIFIED_PYSIDE, pyside_supported

    assert pyside_supported(pyside_version, sys.version_info), (
        f"PySide6 {pyside_version} on Python {sys.version_info[:2]} is not a verified combination: {VERIFIED_PYSIDE}"
    )


def test_known_bad_combination_is_refused():
    from desktop_app.qt_support import pyside_supported

    assert not pyside_supported("6.12.0", (3, 11, 7))
    assert pyside_supported("6.11.3", (3, 11, 7))
