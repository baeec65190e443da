""""Export to Excel…" for any QTableView: writes exactly what the view shows.

    from desktop_app.ui.export_action import add_export_action
    add_export_action(self.table, ctx, self.tr("Residents"))

The rows are the model's display strings — already masked by the services for the signed-in role —
in the view's column order, without hidden columns, through any sort/filter proxy the view has. A lazy
(keyset) model is read to its end first, up to MAX_ROWS. Every export is written to the audit log.
The action sits in the view's context menu and answers Ctrl+E while the view has focus.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from desktop_app.core import excel
from desktop_app.core.auth import EXPORT_LISTS
from desktop_app.core.db import session_scope
from desktop_app.core.exports import record_export
from desktop_app.ui.context import AppContext

MAX_ROWS = 200_000


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportAction", text)


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


def view_rows(view: QTableView, *, max_rows: int = MAX_ROWS) -> tuple[list[str], list[list[str]], bool]:
    """(headers, rows, truncated) of what ``view`` shows: visible columns in visual order, display text."""
    model = view.model()
    header = view.horizontalHeader()
    cols = [header.logicalIndex(v) for v in range(header.count())]
    cols = [c for c in cols if not view.isColumnHidden(c)]
    while model.canFetchMore(view.rootIndex()) and model.rowCount(view.rootIndex()) < max_rows:
        before = model.rowCount(view.rootIndex())
        model.fetchMore(view.rootIndex())
        if model.rowCount(view.rootIndex()) == before:
            break
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in cols]
    n = min(model.rowCount(view.rootIndex()), max_rows)
    rows = []
    for r in range(n):
        if view.isRowHidden(r):
            continue
        row = []
        for c in cols:
            v = model.data(model.index(r, c, view.rootIndex()), Qt.ItemDataRole.DisplayRole)
            row.append("" if v is None else str(v))
        rows.append(row)
    truncated = model.rowCount(view.rootIndex()) > max_rows or model.canFetchMore(view.rootIndex())
    return headers, rows, truncated


def export_view(view: QTableView, ctx: AppContext, title: str, path: str | Path) -> int:
    """Write the view's rows to ``path`` and log the export; returns the number of rows written."""
    headers, rows, truncated = view_rows(view)
    subtitle = f"{ctx.station_name} · {date.today().isoformat()} · {ctx.actor.display_name}"
    if truncated:
        subtitle += " · " + tr("first {n} rows only").format(n=len(rows))
    with session_scope(ctx.engine) as s:
        record_export(s, actor=ctx.actor, what=title, count=len(rows), fields=headers,
                      destination=Path(path).name)
    return excel.export_rows(path, headers, rows, title=title, subtitle=subtitle)


def add_export_action(view: QTableView, ctx: AppContext, title: str) -> QAction | None:
    """Give ``view`` an "Export to Excel…" action (context menu, Ctrl+E); None when the role may not export."""
    if not ctx.can(EXPORT_LISTS):
        return None
    action = QAction(tr("Export to Excel…"), view)
    action.setObjectName("exportToExcel")
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def run() -> None:
        from desktop_app.ui.messages import show_error, show_info

        safe = "".join(ch for ch in title if ch not in '\\/:*?"<>|').strip() or "export"
        path = SavePath.ask(view.window(), tr("Export to Excel"), f"{safe}-{date.today():%Y%m%d}.xlsx",
                            tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            n = export_view(view, ctx, title, path)
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged by show_error
            show_error(view.window(), exc)
            return
        show_info(view.window(), tr("{n} rows saved to {file}.").format(n=n, file=Path(path).name))

    action.triggered.connect(run)
    return action
