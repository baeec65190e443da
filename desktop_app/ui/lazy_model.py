"""A table model over a big table: rows arrive a page at a time by keyset, never the whole table.

``fetch(after_key, limit)`` returns rows after a keyset position; ``key_of(row)`` gives a row's
keyset position. The view asks for more as the user scrolls (canFetchMore / fetchMore).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag | None = None
    foreground: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


class KeysetTableModel(QAbstractTableModel):
    PAGE = 200

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[Any, int], list],
        key_of: Callable[[Any], Any],
        parent=None,
        page_size: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._key_of = key_of
        self._rows: list = []
        self._exhausted = False
        self.page_size = page_size or self.PAGE

    # --- loading ------------------------------------------------------------------------------
    def reload(self, fetch: Callable[[Any, int], list] | None = None) -> None:
        """Start again from the first page (new filter, new search, data changed)."""
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        after = self._key_of(self._rows[-1]) if self._rows else None
        page = self._fetch(after, self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # --- model --------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def row(self, index: int | QModelIndex | QPersistentModelIndex) -> Any:
        i = index.row() if hasattr(index, "row") else index
        return self._rows[i]

    def rows(self) -> list:
        return list(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return int(col.align)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            return col.foreground(row)
        if role == Qt.ItemDataRole.BackgroundRole and col.background is not None:
            return col.background(row)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None


class ListTableModel(KeysetTableModel):
    """The same model over a short list already in memory (today's records, a team)."""

    def __init__(self, columns: Sequence[Column], rows: list | None = None, parent=None) -> None:
        super().__init__(columns, lambda after, limit: [], lambda r: None, parent)
        self._exhausted = True
        self.set_rows(rows or [])

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()
