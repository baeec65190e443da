"""The day's own instruments (tests/day/scenario.py) measure the app, not themselves."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent, qWarning
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow, QSpinBox, QTableView, QWidget

from .scenario import QtMessages, gc_census, qt_census


def test_qt_messages_keeps_warnings_and_not_the_offscreen_notes(qapp):
    with QtMessages() as said:
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("QObject::connect: No such signal")
    assert said.messages == ["QtWarningMsg: QObject::connect: No such signal"]


def test_the_qt_census_leaves_no_wrapper_behind(qtbot):
    """PySide makes the caller own what findChildren returns: a census walking with it kept a dead wrapper for
    every C++-made child of each dialog deleted since, and the day saw 'objects piling up' of its own making."""
    owner = QMainWindow()
    owner.setCentralWidget(QWidget())
    qtbot.addWidget(owner)

    def dead() -> int:
        gc.collect()
        return gc_census()["<deleted Qt object>"]

    qtbot.wait(50)  # what earlier tests in this process left to delete goes first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    counts = []
    base = qt_census([owner])  # the census counts every top-level window: other tests in this process left some
    for _ in range(5):
        dialog = QDialog(owner)
        QLineEdit(dialog), QSpinBox(dialog), QTableView(dialog)  # they make line edits, scroll bars… in C++
        census = qt_census([owner])
        census.subtract(base)
        assert census["QDialog"] == 1 and census["QLineEdit"] == 2 and census["QScrollBar"] >= 2, census
        dialog.deleteLater()
        del dialog
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        counts.append(dead())
    # The census's leak kept a wrapper for each C++-made child of every dialog: a dozen more every round. The
    # first round may find a few more than a leak: the census walks every top-level window, and a window
    # another test in this process left behind loses a child it had made (seen in CI); from then on, none.
    assert counts[-1] <= counts[1] + 1, counts
