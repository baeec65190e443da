"""The lazy table model: pages read off the GUI thread; a bounded window of pages in memory."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QWidget

from desktop_app.ui.lazy_model import PENDING, Column, KeysetTableModel

ROWS = [(f"name{i:05d}", i) for i in range(5000)]


def fetch(s, after, limit):
    start = 0 if after is None else after[1] + 1
    return ROWS[start:start + limit]


def make(qtbot, **kw):
    # The model belongs to a widget the test owns: a parentless model freed while a view still shows it
    # (or while one of its reads is on the way back) is a dangling pointer in Qt.
    owner = QWidget()
    qtbot.addWidget(owner)
    model = KeysetTableModel([Column("Name", lambda r: r[0]), Column("No.", lambda r: r[1], export=lambda r: r[1])],
                             fetch, lambda r: r, owner, page_size=100, **kw)
    model.owner = owner  # qtbot keeps only a weak reference
    return model


def test_pages_arrive_off_the_gui_thread(qtbot, engine, wait_ops):
    model = make(qtbot, engine=engine, keep_pages=3)
    model.reload()
    assert model.rowCount() == 0  # nothing read on the GUI thread
    wait_ops()
    assert model.rowCount() == 100 and model.canFetchMore()
    assert model.data(model.index(5, 0)) == "name00005"


def test_scrolling_to_the_end_keeps_a_bounded_window(qtbot, engine, wait_ops):
    model = make(qtbot, engine=engine, keep_pages=3)
    view = QTableView(model.parent())
    view.setModel(model)
    model.reload()
    wait_ops()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        wait_ops()
    assert model.rowCount() == 5000
    assert model.pages_in_memory() == 3
    assert len(model.rows()) == 300
    # Back at the top: the first page was dropped; it shows "…" and is read again.
    assert model.data(model.index(0, 0)) == PENDING
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    wait_ops()
    assert model.data(model.index(0, 0)) == "name00000"
    assert model.pages_in_memory() == 3


def test_a_reload_drops_results_of_the_old_list(qtbot, engine, wait_ops):
    model = make(qtbot, engine=engine)
    model.reload()
    model.reload(lambda s, after, limit: [("only", 0)] if after is None else [])
    wait_ops()
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "only"
    assert not model.canFetchMore()


def test_iter_all_reads_every_row_with_typed_export_values(qtbot, engine):
    model = make(qtbot, engine=engine)
    rows = list(model.iter_all(None))
    assert len(rows) == 5000
    assert model.export_values(rows[42]) == ["name00042", 42]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) is None  # nothing loaded: no rows
