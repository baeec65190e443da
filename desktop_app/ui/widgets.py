"""Small Qt helpers every page uses, written once: dates, read-only table items, column widths without
reading every row, combo boxes by stored value, one dialog per record, tabs built when first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

D = TypeVar("D", bound=QDialog)
W = TypeVar("W", bound=QWidget)


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
    view.ensurePolished()  # the style sheet's font (large text), not the default one, sets the widths
    _refit_on_font_change(view, sample, stretch_last)
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


def deleted_when_closed(widget: W) -> W:
    """``widget`` (a dialog, a message box) is deleted with everything it holds once the person closes it.

    A desk opens hundreds of dialogs a day; closed but kept under their page, each stayed in memory until the
    program ended — its widgets and its window's backing store, about 1.7 MB for a resident's dialog (the day
    at the desk, tests/day). A dialog run with ``exec()`` whose values are read afterwards is deleted by its
    caller instead (``deleteLater()`` once read): ``exec()`` deletes a WA_DeleteOnClose dialog as it returns."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    return widget


class RowTable(QTableView):
    """A read-only list of rows already in memory (a day's orders): a ``lazy_model.ListTableModel`` in a
    view, so only the rows on screen are ever turned into text (a QTableWidget builds an item for every
    cell: 6,000 of them for a day of meals, 150 ms on the GUI thread at each refresh; issue 21)."""

    def __init__(self, columns, parent: QWidget | None = None) -> None:
        from desktop_app.ui.lazy_model import ListTableModel

        super().__init__(parent)
        self.setModel(ListTableModel(columns, parent=self))
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)

    def set_rows(self, rows: list) -> None:
        self.model().set_rows(rows)

    def rowCount(self) -> int:  # noqa: N802 - as QTableWidget says it
        return self.model().rowCount()

    def currentRow(self) -> int:  # noqa: N802
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def text(self, row: int, column: int) -> str:
        return str(self.model().data(self.model().index(row, column)) or "")


class _Refit(QObject):
    """Fits a view's columns again when its font changes (the large-text style chosen in the settings):
    widths measured in the old font would elide every name ("业…")."""

    def __init__(self, view: QTableView, sample: int, stretch_last: bool) -> None:
        super().__init__(view)
        self.setObjectName("refitColumns")
        self.sample, self.stretch_last = sample, stretch_last

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FontChange and isinstance(obj, QTableView):
            fit_columns(obj, sample=self.sample, stretch_last=self.stretch_last)
        return False


def _refit_on_font_change(view: QTableView, sample: int, stretch_last: bool) -> None:
    refit = view.findChild(_Refit, "refitColumns", Qt.FindChildOption.FindDirectChildrenOnly)
    if refit is None:
        view.installEventFilter(_Refit(view, sample, stretch_last))
    else:
        refit.sample, refit.stretch_last = sample, stretch_last


def open_single(owner: QObject, key: object, make: Callable[[], D]) -> D:
    """One dialog per record: a second request for the same ``key`` raises the open dialog instead of
    making another (a double-click delivers both ``doubleClicked`` and ``activated``; two dialogs on one
    record let the stale one overwrite the first's save). A closed dialog is deleted (``deleted_when_closed``)."""
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
    dialog = deleted_when_closed(make())
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


class LazyTabs(QTabWidget):
    """Tabs whose contents are built when first shown (a page opens at the cost of its first tab only)::

        self.add_tab("staff", self.tr("Staff accounts"), lambda: StaffTab(ctx))
        self.tab("staff")            # the built tab (built now if it was not yet)

    ``refresh()`` refreshes the tabs built so far (the main window calls it when the page is shown again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        self.currentChanged.connect(self._shown)

    def add_tab(self, key: str, title: str, make: Callable[[], QWidget]) -> None:
        holder = QWidget()
        holder.setObjectName(f"tab-{key}")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        self._makers[key] = make
        self._holders[key] = holder
        self.addTab(holder, title)

    def tab(self, key: str) -> QWidget:
        if key not in self._built:
            widget = self._makers[key]()
            from desktop_app.ui.accessibility import name_unnamed_controls

            name_unnamed_controls(widget)  # as the main window does for a page (screen readers)
            self._holders[key].layout().addWidget(widget)
            self._built[key] = widget
        return self._built[key]

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)

    def _shown(self, index: int) -> None:
        for key, holder in self._holders.items():
            if self.indexOf(holder) == index:
                self.tab(key)

    def refresh(self) -> None:
        for widget in self._built.values():
            refresh = getattr(widget, "refresh", None)
            if callable(refresh):
                refresh()
