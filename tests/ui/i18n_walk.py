"""Walk what a person sees — pages, tabs, menus, context menus, dialogs, message boxes — and collect every
visible text with where it was, for tests/ui/test_pseudo_locale.py.

The walk shows every tab, selects the first row of every list, presses every button a page or a dialog shows
and triggers every context-menu action, with Qt's blocking calls replaced (``Intercept``): ``exec()`` of a
dialog shows it, has its texts read and answers Cancel; static message boxes, input and file dialogs record
their title and text and answer Cancel / No; menus record their actions. Nothing waits for a person.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
    QWizard,
)
from shiboken6 import isValid

# --- what counts as untranslated --------------------------------------------------------------------------

MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
# Names a Chinese interface writes in Latin letters, and what the keyboard says.
ALLOWED = {
    "Excel", "PDF", "xlsx", "xlsm", "xls", "et", "ods", "pdf", "csv", "ics", "png", "zip", "WPS", "WeChat", "QR",
    "zxm", "zc",  # pinyin initials: the examples of typing them
    "jpg", "jpeg", "CSV", "JSON", "json", "LibreOffice", "KB", "MB", "GB",
    "SmileDesk", "SQLite", "PostgreSQL", "SQLCipher", "URL", "ID", "PIN", "ICS", "iCalendar", "Windows", "Office",
    "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "Backspace", "PgUp", "PgDown", "Home", "End", "Space",
    "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "Up", "Down", "Left", "Right",
    *"ABCDEFGHIJKLMNOPQRSTUVWXYZ",  # mnemonics "语言(L)", keys "Ctrl+L", "U 盘", building "A栋"
    "SQK", "XYJ",  # station codes as examples
    "Apache",  # the licence's name
}
# Widgets that show names by nature: languages in their own language, software and licence names, what a
# program error was (for whoever reads the log).
NAMES = ("language", "licencesTable", "errorDetails", "errorSummary")
# Columns that show a record as stored, for whoever checks it: the audit log's change (the record's fields).
RAW_COLUMNS = {("auditTable", 4)}


def exempt(where: str) -> bool:
    """A name by nature (NAMES) or a column of stored records (RAW_COLUMNS)."""
    name = where.split("›")[-1].split(" (")[0].strip()
    if name in NAMES:
        return True
    m = re.search(r"\(row \d+ col (\d+)", where)
    return m is not None and (name, int(m.group(1))) in RAW_COLUMNS


def locale_words() -> set[str]:
    """Day and month names the locale supplies (Qt's, not the app's: the pseudo-locale cannot mark them)."""
    from PySide6.QtCore import QLocale

    loc = QLocale()
    out = set()
    for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat, QLocale.FormatType.NarrowFormat):
        out |= {loc.dayName(d, form) for d in range(1, 8)} | {loc.monthName(m, form) for m in range(1, 13)}
    return out


def unmarked(text: str) -> str:
    """``text`` without what passed through the pseudo-locale (marks nest: a translated text inside another)."""
    before = None
    while before != text:
        before, text = text, MARKED.sub(" ", text)
    return text


# Data in Latin letters: key ids (hex), file patterns, record numbers made of a station code and digits, the app's
# command lines, and paths — their folders are the user's; a file's own name is the app's (and must be translated).
_DATA = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b|\*\.\w+|\b[A-Z]{2,6}(?:-[0-9A-Z]+)+\b|\b[A-Z]{1,4}\d{4,}\b|smiledesk-\d{8}-\d{6}-[\w-]+(?:\.sqlite3)?|smiledesk(?: --?[\w-]+)*")
_PATH = re.compile(r"(?:[A-Za-z]:|\b[\w.-]+(?=[\\/]))?(?:[\\/][^\s\\/]+)+[\\/]?")
CJK = re.compile(r"[\u3400-\u9fff]")


def _file_name_only(m: re.Match) -> str:
    """A path's file name without folders and extension (the app names its files; the user names folders)."""
    last = re.split(r"[\\/]", m.group().rstrip("\\/"))[-1]
    return " " + last.rsplit(".", 1)[0] if "." in last else " "


def english_words(text: str, allowed: Iterable[str] = ()) -> list[str]:
    ok = ALLOWED | set(allowed)
    text = _DATA.sub(" ", _PATH.sub(_file_name_only, text))
    return [w for w in WORD.findall(text) if w not in ok and w.rstrip("s") not in ok]


def hard_coded_chinese(text: str) -> bool:
    """Chinese outside the pseudo-locale's marks (and the locale's day and month names): text that never
    passed through translation."""
    rest = unmarked(text)
    for word in sorted(locale_words(), key=len, reverse=True):
        rest = rest.replace(word, " ")
    return bool(CJK.search(rest))


def plain(text: str) -> str:
    """A label's text as shown: rich text without its tags, entities decoded, mnemonics' & gone."""
    if "<" in text and ">" in text:
        text = re.sub(r"<[^>]*>", " ", text)
    return html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")


# --- collecting texts -------------------------------------------------------------------------------------


DATA_KINDS = ("row", "item", "value", "date", "status", "axis", "series", "slice")
# Where a Chinese interface shows only its own words (labels and placeholders may show names and addresses).
CHROME_KINDS = ("title", "tab", "header", "menu", "context", "suffix", "prefix", "special", "page", "button", "group")


@dataclass
class Seen:
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where, text)

    def add(self, where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            self.texts.append((where, plain(text)))


def _kind(where: str) -> str:
    return (where.rsplit("(", 1)[-1].rstrip(")") if where.endswith(")") else "").split(" ")[0]


def is_data(where: str) -> bool:
    """Cells, list items, read-only fields: where names and other data show."""
    return _kind(where) in DATA_KINDS


def is_chrome(where: str) -> bool:
    """Titles, tabs, column headings, menus, buttons: only the interface's own words show there."""
    return _kind(where) in CHROME_KINDS


def _where(w: QWidget) -> str:
    top = w.window()
    name = w.objectName() or type(w).__name__
    top_name = top.objectName() or type(top).__name__
    return f"{top_name} › {name}" if top is not w else top_name


SKIP_SUBTREES = (QCalendarWidget,)  # Qt's own: month and weekday names from the locale


def _skipped(w: QWidget) -> bool:
    p = w
    while p is not None:
        if isinstance(p, SKIP_SUBTREES):
            return True
        if p.isWindow():
            return False
        p = p.parentWidget()
    return False


def read_actions(seen: Seen, where: str, actions: Iterable[QAction]) -> None:
    for a in actions:
        if a.isSeparator() or not a.isVisible():
            continue
        seen.add(where, a.text())
        if a.toolTip() != a.text().replace("&", "") and a.toolTip().replace("…", "") != a.text().replace("&", "").replace("…", ""):
            seen.add(where + " (tooltip)", a.toolTip())
        if a.menu() is not None:
            read_actions(seen, where + " › " + a.text(), a.menu().actions())


def read_view(seen: Seen, view: QAbstractItemView, where: str, rows: int = 12) -> None:
    model = view.model()
    if model is None:
        return
    header = getattr(view, "horizontalHeader", None)
    try:
        cols = range(model.columnCount(view.rootIndex()))
    except TypeError:  # a list model
        cols = range(1)
    if header is not None and header() is not None and not header().isHidden():
        for c in cols:
            if not view.isColumnHidden(c):
                seen.add(where + " (header)", model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                seen.add(where + " (header tip)", model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    root = view.rootIndex()
    vertical = getattr(view, "verticalHeader", None)
    if vertical is not None and vertical() is not None and not vertical().isHidden():
        for r in range(min(model.rowCount(root), rows)):
            seen.add(where + " (header)", model.headerData(r, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole))
    for r in range(min(model.rowCount(root), rows)):
        for c in cols:
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(c):
                continue
            idx = model.index(r, c, root)
            seen.add(where + f" (row {r} col {c})", model.data(idx, Qt.ItemDataRole.DisplayRole))
            seen.add(where + f" (row {r} col {c} tip)", model.data(idx, Qt.ItemDataRole.ToolTipRole))
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
        read_actions(seen, where + " (context menu)", view.actions())


def read_chart(seen: Seen, chart_view, where: str) -> None:
    chart = chart_view.chart()
    seen.add(where + " (chart title)", chart.title())
    for axis in chart.axes():
        seen.add(where + " (axis title)", axis.titleText())
        for cat in getattr(axis, "categories", lambda: [])():
            seen.add(where + " (axis)", cat)
    for series in chart.series():
        seen.add(where + " (series)", series.name())
        for part in getattr(series, "barSets", lambda: [])():
            seen.add(where + " (legend)", part.label())
        for part in getattr(series, "slices", lambda: [])():
            seen.add(where + " (slice)", part.label())


def read_widget_tree(seen: Seen, top: QWidget) -> None:
    """Every text ``top`` and its visible children show."""
    try:
        from PySide6.QtCharts import QChartView
    except ImportError:  # pragma: no cover - the charts module ships with PySide6-Addons
        QChartView = ()  # noqa: N806
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible() or _skipped(w):
            continue
        where = _where(w)
        if w.isWindow():
            seen.add(where + " (title)", w.windowTitle())
        seen.add(where + " (tooltip)", w.toolTip())
        if isinstance(w, QLabel):
            seen.add(where + " (label)", w.text())
        elif isinstance(w, QAbstractButton):
            seen.add(where + " (button)", w.text())
        elif isinstance(w, QGroupBox):
            seen.add(where + " (group)", w.title())
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                seen.add(where + " (tab)", w.tabText(i))
                seen.add(where + " (tab tip)", w.tabToolTip(i))
        elif isinstance(w, QTabBar) and not isinstance(w.parentWidget(), QTabWidget):
            for i in range(w.count()):
                seen.add(where + " (tab)", w.tabText(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                seen.add(where + " (item)", w.itemText(i))
            if w.isEditable() and w.lineEdit() is not None:
                seen.add(where + " (placeholder)", w.lineEdit().placeholderText())
        elif isinstance(w, QLineEdit):
            seen.add(where + " (placeholder)", w.placeholderText())
            if w.isReadOnly():
                seen.add(where + " (value)", w.text())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            seen.add(where + " (placeholder)", w.placeholderText())
            if w.isReadOnly() and not isinstance(w, QTextBrowser):
                seen.add(where + " (value)", w.toPlainText())
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            seen.add(where + " (suffix)", w.suffix())
            seen.add(where + " (prefix)", w.prefix())
            seen.add(where + " (special)", w.specialValueText())
        elif isinstance(w, QDateTimeEdit):
            seen.add(where + " (date)", w.text())
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            read_view(seen, w, where)
        elif QChartView and isinstance(w, QChartView):
            read_chart(seen, w, where)
        if isinstance(w, QMainWindow):
            read_actions(seen, where + " (menu)", w.menuBar().actions())
            seen.add(where + " (status)", w.statusBar().currentMessage())
        if isinstance(w, QWizard):
            page = w.currentPage()
            if page is not None:
                seen.add(where + " (page title)", page.title())
                seen.add(where + " (page subtitle)", page.subTitle())
        if isinstance(w, QMessageBox):
            seen.add(where + " (informative)", w.informativeText())


# --- walking ----------------------------------------------------------------------------------------------


def tab_states(top: QWidget) -> list[tuple[QTabWidget, int]]:
    """Every (tab widget, index) under ``top``, nested ones too (tabs are built when first shown)."""
    out: list[tuple[QTabWidget, int]] = []
    done: set[int] = set()
    while True:
        found = ([top] if isinstance(top, QTabWidget) else []) + top.findChildren(QTabWidget)
        fresh = [t for t in found if id(t) not in done]
        if not fresh:
            return out
        for tabs in fresh:
            done.add(id(tabs))
            for i in range(tabs.count()):
                if tabs.isTabVisible(i) and tabs.isTabEnabled(i):
                    out.append((tabs, i))
                    activate(tabs, i)  # builds a lazy tab's contents, so nested tabs are found


def activate(tabs: QTabWidget, index: int) -> None:
    """Show tab ``index`` of ``tabs``, and the tabs it sits in."""
    chain, w = [], tabs.parentWidget()
    child: QWidget = tabs
    while w is not None and not w.isWindow():
        if isinstance(w, QTabWidget):
            chain.append((w, child))
        child, w = w, w.parentWidget()
    for outer, inner in reversed(chain):
        for i in range(outer.count()):
            page = outer.widget(i)
            if page is inner or page.isAncestorOf(inner):
                outer.setCurrentIndex(i)
    tabs.setCurrentIndex(index)


def select_first_rows(top: QWidget) -> None:
    for view in top.findChildren(QAbstractItemView):
        if not view.isVisible() or isinstance(view.parentWidget(), QComboBox) or view.window() is not top.window():
            continue
        model = view.model()
        if model is not None and model.rowCount(view.rootIndex()) and view.selectionModel() is not None:
            if not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0, view.rootIndex()))


def buttons(top: QWidget) -> list[QAbstractButton]:
    """The buttons ``top`` shows, a dialog's own buttons (Save, Cancel) last, Cancel/Close the very last."""
    found = [b for b in top.findChildren(QAbstractButton)
             if b.isVisible() and b.isEnabled() and b.window() is top.window() and not _skipped(b)
             and not isinstance(b.parentWidget(), QTabBar | QAbstractSpinBox)
             and type(b).__name__ != "QAbstractButton"]  # a table's corner button

    def order(b: QAbstractButton) -> int:
        box = b.parentWidget()
        if not isinstance(box, QDialogButtonBox):
            return 0
        return 2 if box.buttonRole(b) in (QDialogButtonBox.ButtonRole.RejectRole,
                                           QDialogButtonBox.ButtonRole.DestructiveRole) else 1

    return sorted(found, key=order)


def open_windows() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


class Walker:
    """Presses what a person could press and reads every window that opens (``seen``)."""

    def __init__(self, seen: Seen, settle: Callable[[], None], *, depth: int = 2,
                 skip: Callable[[QAbstractButton], bool] = lambda _b: False) -> None:
        self.seen = seen
        self.settle = settle  # process events until the GUI's database work has come back
        self.depth = depth
        self.skip = skip
        self._depth_for_new = depth - 1  # how deep a window opened by the press under way is walked

    # Replacements for Qt's blocking calls --------------------------------------------------------------
    def dialog_exec(self, dialog: QDialog) -> int:
        """QDialog.exec: shown and read (and walked one level less deep), then answered Cancel."""
        if isinstance(dialog, QFileDialog | QPrintDialog):
            self.seen.add(f"{type(dialog).__name__} (title)", dialog.windowTitle())
            return 0
        dialog.show()
        self.read_window(dialog, self._depth_for_new)
        self.close(dialog)
        return 0

    def install(self, monkeypatch) -> None:
        walker = self
        for cls in (QDialog, QMessageBox, QInputDialog, QFileDialog, QPrintDialog, QProgressDialog, QWizard):
            if "exec" in cls.__dict__ or cls is QDialog:
                monkeypatch.setattr(cls, "exec", lambda self, *_a: walker.dialog_exec(self))

        def box(kind):
            def ask(parent, title, text, *args, **kwargs):
                walker.seen.add(f"QMessageBox.{kind} (title)", title)
                walker.seen.add(f"QMessageBox.{kind}", text)
                return QMessageBox.StandardButton.No if kind == "question" else QMessageBox.StandardButton.Ok
            return staticmethod(ask)

        for kind in ("question", "information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, box(kind))

        def input_dialog(kind, empty):
            def ask(parent, title, label, *args, **kwargs):
                walker.seen.add(f"QInputDialog.{kind} (title)", title)
                walker.seen.add(f"QInputDialog.{kind}", label)
                return empty
            return staticmethod(ask)

        for kind, empty in (("getText", ("", False)), ("getInt", (0, False)), ("getDouble", (0.0, False)),
                            ("getItem", ("", False)), ("getMultiLineText", ("", False))):
            monkeypatch.setattr(QInputDialog, kind, input_dialog(kind, empty))

        def file_dialog(kind, empty):
            def ask(parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002
                walker.seen.add(f"QFileDialog.{kind} (title)", caption)
                walker.seen.add(f"QFileDialog.{kind} (filter)", filter if isinstance(filter, str) else "")
                return empty
            return staticmethod(ask)

        for kind, empty in (("getSaveFileName", ("", "")), ("getOpenFileName", ("", "")),
                            ("getOpenFileNames", ([], "")), ("getExistingDirectory", "")):
            monkeypatch.setattr(QFileDialog, kind, file_dialog(kind, empty))

        def menu(self, *_a, **_k):
            read_actions(walker.seen, "QMenu", self.actions())
            return None

        monkeypatch.setattr(QMenu, "exec", menu)
        monkeypatch.setattr(QMenu, "popup", menu)
        monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda *_a: True))

    # The walk -----------------------------------------------------------------------------------------
    def read_window(self, top: QWidget, depth: int | None = None) -> None:
        """Read ``top`` on each of its tabs; with depth left, press its buttons and read what opens."""
        depth = self.depth if depth is None else depth
        self.settle()
        if not isValid(top):
            return  # gone while the ops settled (a progress window whose work finished meanwhile)
        states: list[tuple[QTabWidget, int] | None] = [None, *tab_states(top)]
        for state in states:
            if not isValid(top):
                return  # a button of it closed it for good (a dialog deleted on close)
            if state is not None:
                activate(*state)
            self.settle()
            select_first_rows(top)
            self.settle()
            read_widget_tree(self.seen, top)
            if depth <= 0:
                continue
            if not isValid(top):
                return
            for view in top.findChildren(QAbstractItemView):
                if view.isVisible() and view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
                    view.customContextMenuRequested.emit(view.visualRect(view.model().index(0, 0, QModelIndex())).center()
                                                         if view.model() is not None else view.rect().center())
            for view in top.findChildren(QAbstractItemView):
                if not isValid(top):
                    return
                if not isValid(view):
                    continue
                if state is not None:
                    activate(*state)
                self.open_first_row(view, depth)
                if not (isValid(top) and isValid(view)):
                    continue
                if view.isVisible() and view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
                    for action in view.actions():
                        if action.isEnabled() and action.isVisible() and not action.isSeparator():
                            self.do(action.trigger, depth)
            if not isValid(top):
                return
            for button in buttons(top):
                if not isValid(top):
                    return
                if not isValid(button) or self.skip(button):
                    continue
                if state is not None:
                    activate(*state)
                select_first_rows(top)  # what an earlier press changed (a list read again) selected again
                self.settle()
                if not (button.isVisible() and button.isEnabled()):
                    continue
                self.press(button, depth)

    def press(self, button: QAbstractButton, depth: int) -> None:
        self.do(button.click, depth)

    def open_first_row(self, view: QAbstractItemView, depth: int) -> None:
        """Double-click (else activate) a list's first row: how record dialogs open."""
        if (not view.isVisible() or isinstance(view, QHeaderView) or isinstance(view.parentWidget(), QComboBox)
                or view.model() is None or not view.model().rowCount(view.rootIndex())):
            return
        index = view.model().index(0, 0, view.rootIndex())
        if not self.do(lambda: view.doubleClicked.emit(index), depth):
            self.do(lambda: view.activated.emit(index), depth)

    def do(self, act: Callable[[], object], depth: int) -> bool:
        """Run ``act`` (a click), read every window it opened, close them; True when one opened."""
        before = open_windows()
        outer, self._depth_for_new = self._depth_for_new, depth - 1
        opened_by_exec = len(self.seen.texts)
        try:
            act()
        except RuntimeError:  # the button went with what it closed
            return False
        finally:
            self._depth_for_new = outer
        self.settle()
        new = open_windows() - before
        for w in new:
            if not isValid(w):
                continue
            self.read_window(w, depth - 1)
            if isValid(w):
                self.close(w)
        self.settle()
        return bool(new) or len(self.seen.texts) > opened_by_exec

    def close(self, w: QWidget) -> None:
        try:
            if isinstance(w, QDialog):
                w.reject()
            w.close()
        except RuntimeError:
            pass
