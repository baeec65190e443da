"""What the meals tabs and dialogs share: vocabulary labels in the user's language, tables, where papers
go, the colours of states (from the style sheets), and the answer to a save over a newer version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.core import paths
from desktop_app.core.i18n import join, translate
from desktop_app.core.records import StaleEdit
from desktop_app.meals.labels import DIET_LABELS
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import error_text
from desktop_app.ui.ops import report_error


def tm(text: str) -> str:
    """A label of the meals vocabulary in the user's language."""
    return QCoreApplication.translate("Meals", text)


def combo(items: dict[str, str], parent=None) -> QComboBox:
    box = QComboBox(parent)
    for value, label in items.items():
        box.addItem(tm(label), value)
    return box


def diet_names(diets, avoid: str = "") -> str:
    text = join(tm(DIET_LABELS[d]) for d in diets)
    return translate("Lists", "; ").join(x for x in (text, avoid) if x)


def make_table(parent, headers: list[str], object_name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(object_name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.setAlternatingRowColors(True)
    return t


def output_dir(ctx: AppContext) -> Path:
    """Where printed papers go: the station's chosen folder, else <data dir>/exports."""
    chosen = ctx.settings.value("meals/output_dir", "")
    folder = Path(chosen) if chosen else paths.data_dir() / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_file(path: Path) -> None:
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtCore import QUrl

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# --- colours of states ---------------------------------------------------------------------------------
# A table cell cannot be styled by a style sheet rule, so the colours of the states the meals tables show
# are read from rules for hidden probe labels, one per state, in resources/styles/*.qss:
#   QLabel#mealsToneAlert { color: …; background-color: …; }   nobody home, open welfare checks
#   QLabel#mealsToneWarn  { color: …; }                        low balance, no volunteer, not active
#   QLabel#mealsToneDone  { color: …; }                        delivered / served
#   QLabel#mealsToneMuted { color: …; }                        cancelled
#   QLabel#mealsToneDue   { background-color: …; }             a sample that may be discarded
# A colour the sheet does not set stays the table's own. Labels use the property ``tone`` instead.
TONES = ("alert", "warn", "done", "muted", "due")
_tones: dict[str, tuple[QBrush | None, QBrush | None]] = {}
_tones_sheet: list[str | None] = [None]


def _read_tones() -> None:
    app = QApplication.instance()
    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    if _tones and _tones_sheet[0] == sheet:
        return
    _tones.clear()
    _tones_sheet[0] = sheet

    def colours(name: str) -> tuple:
        probe = QLabel()
        probe.setObjectName(name)
        probe.ensurePolished()
        pal = probe.palette()
        return pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)  # the probe goes with it

    plain_fg, plain_bg = colours("mealsTonePlain")
    for tone in TONES:
        fg, bg = colours("mealsTone" + tone.capitalize())
        _tones[tone] = (QBrush(fg) if fg != plain_fg else None, QBrush(bg) if bg != plain_bg else None)


def tone_brushes(tone: str) -> tuple[QBrush | None, QBrush | None]:
    """(foreground, background) of a state as the current style sheet draws it; None where it sets none."""
    _read_tones()
    return _tones[tone]


def paint(item: QTableWidgetItem, tone: str) -> QTableWidgetItem:
    fg, bg = tone_brushes(tone)
    if fg is not None:
        item.setForeground(fg)
    if bg is not None:
        item.setBackground(bg)
    return item


def set_tone(widget: QWidget, tone: str) -> None:
    """Style a label by state (``QLabel#name[tone="alert"]`` in the style sheets); "" for none."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


# --- a save over a newer version -------------------------------------------------------------------
def not_saved(parent: QWidget, exc: BaseException, reload: Callable[[], None]) -> QMessageBox | None:
    """The one error policy for a dialog's save; a StaleEdit also offers to reload the record into the
    form (the user's changes are not saved; they make them again on the newer version)."""
    if not isinstance(exc, StaleEdit):
        report_error(parent, exc)
        return None
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "Not saved"), error_text(exc),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("staleEdit")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    again = box.addButton(QCoreApplication.translate("MealsCommon", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    again.setObjectName("reload")
    again.clicked.connect(reload)
    box.open()
    return box
