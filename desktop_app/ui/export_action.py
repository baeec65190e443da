""""Export to Excel…" for any QTableView: writes exactly what the view shows.

    from desktop_app.ui.export_action import add_export_action
    add_export_action(self.table, ctx, self.tr("Residents"))

Pages get the action on every list (ui.main_window.add_export_actions); the file is named after the page, the
tab and the filter shown ("来访登记-今日受理-20261205.xlsx": ``export_title``; a page or tab says what its filter
is with ``export_filter(view) -> list[str]``, usually ``shown_filter(its filter boxes)``).

The rows are what the view shows — already masked by the services for the signed-in role — in the view's
column order, without hidden columns. A list model of ``ui.lazy_model`` is read to its end off the GUI
thread (``model.iter_all`` with a session, up to MAX_ROWS; a 200,000-row list never passes through the GUI
thread) and written with typed values (``Column.export``: dates and numbers stay dates and numbers). Any
other model (a QTableWidget, a sort/filter proxy) holds its rows already: its display text is taken. Every
export is written to the audit log (``core.exports.export_list``). The action sits in the view's context
menu and answers Ctrl+E while the view has focus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLineEdit, QTableView, QWidget

from desktop_app.core.auth import EXPORT_LISTS
from desktop_app.core.exports import export_list
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import KeysetTableModel, ListTableModel

MAX_ROWS = 200_000


class SavePath:
    """Where to save; tests monkeypatch ``SavePath.ask`` (pytest-qt's note on dialogs)."""

    last_dir: str = ""

    @classmethod
    def ask(cls, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        start = str(Path(cls.last_dir or Path.home()) / suggested)
        path, _ = QFileDialog.getSaveFileName(parent, caption, start, filters)
        if path:
            cls.last_dir = str(Path(path).parent)
        return path


@dataclass(frozen=True)
class ListPlan:
    """What to export, taken on the GUI thread: the headers, and how to read the rows on a worker thread."""

    headers: list[str]
    read: Callable[[Any], Iterable[Sequence[Any]]]


def visible_columns(view: QTableView) -> list[int]:
    """The view's columns in the order the user sees them, without hidden ones."""
    header = view.horizontalHeader()
    cols = [header.logicalIndex(v) for v in range(header.count())]
    return [c for c in cols if not view.isColumnHidden(c)]


def plan_export(view: QTableView, *, max_rows: int = MAX_ROWS) -> ListPlan:
    model = view.model()
    cols = visible_columns(view)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in cols]
    if isinstance(model, KeysetTableModel | ListTableModel):
        # The whole list, read again off the GUI thread through the model's own query (its filter as shown).
        def read(s) -> Iterable[list[Any]]:
            for row in model.iter_all(s, limit=max_rows + 1):
                values = model.export_values(row)
                yield [values[c] for c in cols]

        return ListPlan(headers, read)
    rows = []  # a model that holds its rows already: what it shows, as text
    root = view.rootIndex()
    for r in range(min(model.rowCount(root), max_rows + 1)):
        if view.isRowHidden(r):
            continue
        row = []
        for c in cols:
            v = model.data(model.index(r, c, root), Qt.ItemDataRole.DisplayRole)
            row.append("" if v is None else str(v))
        rows.append(row)
    return ListPlan(headers, lambda _s: rows)


def export_view(view: QTableView, ctx: AppContext, title: str, path: str | Path,
                on_done: Callable[[int], None] | None = None) -> ops.OpHandle:
    """Write the view's rows to ``path`` off the GUI thread and log the export; ``on_done(rows written)``."""
    plan = plan_export(view)
    engine, actor = ctx.engine, ctx.actor
    subtitle = f"{ctx.station_name} · {date.today().isoformat()} · {actor.display_name}"
    note = QCoreApplication.translate("ExportAction", "first {n} rows only")

    def work(progress) -> int:
        return export_list(engine, actor=actor, what=title, path=path, headers=plan.headers, read=plan.read,
                           subtitle=subtitle, truncated_note=note, max_rows=MAX_ROWS, progress=progress)

    return ops.run_op(view.window(), work, on_done, title=QCoreApplication.translate("ExportAction", "Exporting to Excel…"))


def saved_text(n: int, file: str) -> str:
    if n == 1:
        return QCoreApplication.translate("ExportAction", "1 row saved to {file}.").format(file=file)
    return QCoreApplication.translate("ExportAction", "{n} rows saved to {file}.").format(n=n, file=file)


def shown_filter(*widgets: QWidget, always: Sequence[QWidget] = ()) -> list[str]:
    """The filter a list shows, as words for its export's file name: the text of each visible filter box —
    a combo box when it is not on its first item ("all …") or is in ``always`` (a choice of view such as
    "today"), a date box, a search box with something typed."""
    out = []
    for w in widgets:
        if w is None or w.isHidden():
            continue
        if isinstance(w, QComboBox):
            if w.currentIndex() > 0 or (w in always and w.currentIndex() == 0):
                out.append(w.currentText())
        elif isinstance(w, QDateEdit | QLineEdit):
            out.append(w.text().strip())
    return [t for t in out if t]


def file_title(*parts: str) -> str:
    """Parts of an export's name joined by "-", without the characters a Windows file name cannot hold, at
    most 80 characters: "来访登记-今日受理"."""
    words = []
    for part in parts:
        word = "".join(" " if ch in '\\/:*?"<>|\t\n' else ch for ch in part).strip(" .")
        word = " ".join(word.split())
        if word and word not in words:
            words.append(word)
    return "-".join(words)[:80].rstrip(" .-")


def export_title(page_title: str, view: QTableView) -> str:
    """What an export of ``view`` is called — in its file name and in the audit log: the page, the tab or box the
    list is in, and its filter as shown (``export_filter(view)`` of the nearest widget above the view that has
    one): "来访登记-今日受理", "证书-证书登记-已撤销"."""
    from desktop_app.ui.accessibility import container_title

    parts = [page_title, container_title(view)]
    holder = view.parentWidget()
    while holder is not None:
        shown = getattr(holder, "export_filter", None)
        if callable(shown):
            parts += list(shown(view))
            break
        holder = holder.parentWidget()
    return file_title(*parts)


def add_export_action(view: QTableView, ctx: AppContext, title: str | Callable[[], str]) -> QAction | None:
    """Give ``view`` an "Export to Excel…" action (context menu, Ctrl+E); None when the role may not export.
    ``title`` names the export (file name, audit log); a function is asked at each export (the filter shown then)."""
    if not ctx.can(EXPORT_LISTS):
        return None
    action = QAction(QCoreApplication.translate("ExportAction", "Export to Excel…"), view)
    action.setObjectName("exportToExcel")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def run() -> None:
        from desktop_app.ui.messages import show_info

        what = (title() if callable(title) else file_title(title)) or QCoreApplication.translate("ExportAction", "List")
        path = SavePath.ask(view.window(), QCoreApplication.translate("ExportAction", "Export to Excel"),
                            f"{what}-{date.today():%Y%m%d}.xlsx",
                            QCoreApplication.translate("ExportAction", "Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        saved = path
        export_view(view, ctx, what, saved,
                    lambda n: show_info(view.window(), saved_text(n, Path(saved).name)))

    action.triggered.connect(run)
    return action
