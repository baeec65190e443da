"""ui.widgets: one dialog per record; column widths from a sample, never from every row."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTableView, QWidget

from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.widgets import fit_columns, open_dialogs, open_single


def test_a_second_request_for_the_same_record_raises_the_open_dialog(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    made = []

    def make():
        d = QDialog(owner)
        made.append(d)
        return d

    first = open_single(owner, ("resident", 7), make)
    first.show()
    assert open_single(owner, ("resident", 7), make) is first  # the double-click's second signal
    other = open_single(owner, ("resident", 8), make)
    other.show()
    assert len(made) == 2 and len(open_dialogs(owner)) == 2
    first.reject()
    again = open_single(owner, ("resident", 7), make)
    assert again is not first and len(made) == 3


def test_fit_columns_reads_only_a_sample_of_rows(qtbot):
    calls = []

    def value(r):
        calls.append(r)
        return f"row {r}"

    model = ListTableModel([Column("Name", value), Column("Note", lambda r: "", chars=12)], list(range(10_000)))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fit_columns(view, sample=30)
    assert len(calls) <= 30
    assert view.horizontalHeader().sectionSize(1) >= 12 * view.fontMetrics().horizontalAdvance("中")


def test_a_row_table_makes_text_only_for_the_rows_on_screen(qtbot):
    """Issue 21: the meals day's QTableWidget made an item for each of 6,000 cells at every refresh."""
    from desktop_app.ui.widgets import RowTable

    asked: list[int] = []
    table = RowTable([Column("No.", lambda r: asked.append(r) or str(r)), Column("Name", lambda r: f"居民{r}")])
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    table.set_rows(list(range(10_000)))
    fit_columns(table)
    qtbot.wait(50)
    assert table.rowCount() == 10_000 and table.text(9_999, 1) == "居民9999"
    assert len(set(asked)) < 100, f"text made for {len(set(asked))} rows"
    table.selectRow(5)
    assert table.currentRow() == 5
