"""Small Qt helpers every page uses, written once: dates, read-only table items, column widths without
reading every row, combo boxes by stored value, one dialog per record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

D = TypeVar("D", bound=QDialog)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def read_only_item(text: str, data=None, *, align_right: bool = False, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def select_data(combo: QComboBox, value) -> bool:
    """Select the item whose stored data is ``value``; False (selection unchanged) when there is none."""
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)
    return i >= 0


SAMPLE_ROWS = 30
MIN_CHARS, MAX_CHARS = 4, 40


def fit_columns(view: QTableView | QTableWidget, *, sample: int = SAMPLE_ROWS, stretch_last: bool = True) -> None:
    """Interactive column widths from the header and the first ``sample`` rows only.

    ``ResizeToContents`` asks the model for every row's text on every change (71k–97k ``data()`` calls on
    a page of a big database); this reads a few dozen rows once. Columns of a ``lazy_model.Column`` with
    ``chars`` set take that many characters whatever the sample holds."""
    model = view.model()
    if model is None:
        return
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = view.fontMetrics()
    columns = getattr(model, "columns", None)
    rows = min(model.rowCount(), sample)
    char = max(1, metrics.horizontalAdvance("中"))
    for c in range(model.columnCount()):
        if view.isColumnHidden(c):
            continue
        texts = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")]
        texts += [str(model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) or "") for r in range(rows)]
        width = max(metrics.horizontalAdvance(t) for t in texts)
        fixed = getattr(columns[c], "chars", 0) if columns is not None and c < len(columns) else 0
        if fixed:
            width = max(width if rows == 0 else 0, fixed * char)
        width = min(max(width, MIN_CHARS * char), MAX_CHARS * char)
        header.resizeSection(c, width + 2 * char)
    header.setStretchLastSection(stretch_last)


def open_single(owner: QObject, key: object, make: Callable[[], D]) -> D:
    """One dialog per record: a second request for the same ``key`` raises the open dialog instead of
    making another (a double-click delivers both ``doubleClicked`` and ``activated``; two dialogs on one
    record let the stale one overwrite the first's save)."""
    registry: dict = owner.__dict__.setdefault("_single_dialogs", {})
    dialog = registry.get(key)
    if dialog is not None:
        try:
            if dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        except RuntimeError:  # deleted by Qt
            pass
    dialog = make()
    registry[key] = dialog

    def forget(*_args) -> None:
        if registry.get(key) is dialog:
            del registry[key]

    dialog.finished.connect(forget)
    dialog.destroyed.connect(forget)
    return dialog


def open_dialogs(owner: QObject) -> list[QWidget]:
    """The dialogs ``open_single`` has open for ``owner`` (for tests and for locking the screen)."""
    return [d for d in owner.__dict__.get("_single_dialogs", {}).values() if d is not None]
