"""Table models over a big table (after anki's browser model): rows arrive a page at a time off the GUI
thread, and only a bounded window of pages stays in memory, however far the user scrolls.

    model = KeysetTableModel(columns, fetch, key_of, engine=ctx.engine, parent=self)

``fetch(s, after, limit)`` returns up to ``limit`` rows after a keyset position (``None``: from the
start) — a service's ``list_page``; ``key_of(row)`` gives a row's keyset position. The model remembers
only where each page starts (one key per ``page_size`` rows) and keeps the ``keep_pages`` most recently
used pages; a page scrolled back to is read again by its start key. Reads go through ``ui.ops.query``
(the database lane); until a page arrives its cells show "…". ``loaded`` is emitted whenever rows arrive.

``ListTableModel`` is the same model over a short list already in memory (today's records, a team).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

PENDING = "…"


@dataclass
class Column:
    header: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag | None = None
    foreground: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    # The value written to a spreadsheet: a date, a number, text (default: what ``value`` shows).
    export: Callable[[Any], Any] | None = None
    # Width in characters of typical content (the view sizes columns from it; never from every row).
    chars: int = 0


class _Rows(QAbstractTableModel):
    """What both models share: columns, roles, headers."""

    loaded = Signal()

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def row(self, index: int | QModelIndex | QPersistentModelIndex) -> Any:
        """The row object at ``index`` (None where there is none yet); each model keeps its rows its way."""
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row(index.row())
        if row is None:
            return PENDING if role == Qt.ItemDataRole.DisplayRole else None
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

    def export_values(self, row: Any) -> list[Any]:
        """A row as a spreadsheet gets it: typed values where the column has them."""
        out = []
        for col in self.columns:
            value = (col.export or col.value)(row)
            out.append("" if value is None else value)
        return out


class KeysetTableModel(_Rows):
    PAGE = 200
    KEEP_PAGES = 10

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[Any, Any, int], list],
        key_of: Callable[[Any], Any],
        parent=None,
        page_size: int | None = None,
        *,
        engine,
        keep_pages: int | None = None,
    ) -> None:
        super().__init__(columns, parent)
        self.engine = engine
        self._fetch = fetch
        self._key_of = key_of
        self.page_size = page_size or self.PAGE
        self.keep_pages = max(2, keep_pages or self.KEEP_PAGES)
        self._generation = 0
        self._clear()

    def _clear(self) -> None:
        self._starts: list[Any] = []  # _starts[p]: the key page p starts after (None for page 0)
        self._pages: OrderedDict[int, list] = OrderedDict()  # the pages in memory, most recently used last
        self._count = 0
        self._next_after: Any = None
        self._exhausted = False
        self._appending = False
        self._reading: set[int] = set()

    # --- loading ------------------------------------------------------------------------------
    def reload(self, fetch: Callable[[Any, Any, int], list] | None = None) -> None:
        """Start again from the first page (new filter, new search, data changed)."""
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self._generation += 1
        self._clear()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._appending

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._appending:
            return
        from desktop_app.ui import ops

        after, fetch, size, generation = self._next_after, self._fetch, self.page_size, self._generation
        self._appending = True
        ops.query(self, self.engine, lambda s: fetch(s, after, size),
                  lambda rows: self._appended(generation, after, rows),
                  on_error=lambda exc: self._failed(generation, exc))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._appending = False
            self._exhausted = True  # stop asking; the page's next refresh starts again
        from desktop_app.core.db.errors import is_unreachable
        from desktop_app.ui.ops import report_error

        if not is_unreachable(exc):  # the server gone: the window's banner says so, not a box per page read
            report_error(None, exc)

    def _appended(self, generation: int, after: Any, rows: list) -> None:
        if generation != self._generation:
            return
        self._appending = False
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            page = len(self._starts)
            self._starts.append(after)
            self._keep(page, list(rows))
            self.beginInsertRows(QModelIndex(), self._count, self._count + len(rows) - 1)
            self._count += len(rows)
            self._next_after = self._key_of(rows[-1])
            self.endInsertRows()
        self.loaded.emit()

    def _keep(self, page: int, rows: list) -> None:
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > self.keep_pages:
            self._pages.popitem(last=False)

    def _read_again(self, page: int) -> None:
        """A page scrolled out of memory and back into view: read it again from its start key."""
        if page in self._reading or page >= len(self._starts):
            return
        from desktop_app.ui import ops

        after, fetch, size, generation = self._starts[page], self._fetch, self.page_size, self._generation
        self._reading.add(page)

        def done(rows: list) -> None:
            if generation != self._generation:
                return
            self._reading.discard(page)
            self._keep(page, list(rows)[:size])
            first = page * size
            last = min(self._count, first + size) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
            self.loaded.emit()

        ops.query(self, self.engine, lambda s: fetch(s, after, size), done,
                  on_error=lambda exc: self._reading.discard(page))

    def iter_all(self, s, *, limit: int | None = None) -> Iterator[Any]:
        """Every row of the current list, in order, read with ``s`` (for an export on a worker thread)."""
        after, n = None, 0
        while True:
            rows = self._fetch(s, after, self.page_size)
            for row in rows:
                if limit is not None and n >= limit:
                    return
                n += 1
                yield row
            if len(rows) < self.page_size:
                return
            after = self._key_of(rows[-1])

    # --- model --------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def row(self, index: int | QModelIndex | QPersistentModelIndex) -> Any:
        """The row at ``index``, or None while its page is being read."""
        i = index.row() if hasattr(index, "row") else index
        if i < 0 or i >= self._count:
            return None
        page, offset = divmod(i, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._read_again(page)
            return None
        self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def rows(self) -> list:
        """The rows in memory, in order (a short list has them all; a long one only its window)."""
        return [row for page in sorted(self._pages) for row in self._pages[page]]

    def pages_in_memory(self) -> int:
        return len(self._pages)

    @property
    def busy(self) -> bool:
        return self._appending or bool(self._reading)


class ListTableModel(_Rows):
    """The same model over a short list already in memory (today's records, a team)."""

    def __init__(self, columns: Sequence[Column], rows: list | None = None, parent=None) -> None:
        super().__init__(columns, parent)
        self._rows: list = list(rows or [])

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.loaded.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def row(self, index: int | QModelIndex | QPersistentModelIndex) -> Any:
        i = index.row() if hasattr(index, "row") else index
        return self._rows[i] if 0 <= i < len(self._rows) else None

    def rows(self) -> list:
        return list(self._rows)

    def iter_all(self, s=None, *, limit: int | None = None) -> Iterator[Any]:
        yield from (self._rows if limit is None else self._rows[:limit])

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return False
