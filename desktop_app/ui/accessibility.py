"""Accessible names for controls a page left unnamed, so screen readers can say what each one is.

Pages should name their controls (``setAccessibleName`` or a QLabel with ``setBuddy``). The main
window runs ``name_unnamed_controls`` on every page it builds as a fallback: a control without a name
takes the label just before it, its placeholder text or its tool tip; a table or list takes the title of the group box or tab it
sits in, or else its column headings.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit,
            QAbstractSlider)
_INTERNAL_PARENTS = (QComboBox, QAbstractSpinBox, QTabBar, QScrollBar, QLineEdit, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology gets: accessibleName, a button's text, or a label whose buddy it is."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name) if iface is not None else ""
    return (name or widget.accessibleName() or "").replace("&", "").strip()


def controls(top: QWidget) -> list[QWidget]:
    """The controls of ``top`` a person operates (not the parts Qt builds inside compound controls)."""
    out = []
    for w in top.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or isinstance(w, QScrollBar | QHeaderView):
            continue
        if w.objectName().startswith("qt_") or isinstance(w.parentWidget(), _INTERNAL_PARENTS):
            continue
        if w.window() is not top.window():  # combo box pop-ups and other separate windows
            continue
        out.append(w)
    return out


def unnamed_controls(top: QWidget) -> list[QWidget]:
    return [w for w in controls(top) if not accessible_name(w)]


def _container_title(widget: QWidget) -> str:
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title()
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0 and tabs.tabText(index):
                return tabs.tabText(index)
        child, parent = parent, parent.parentWidget()
    return ""


def container_title(widget: QWidget) -> str:
    """The title of the tab or group box ``widget`` sits in ("" when none)."""
    return _container_title(widget)


def _headings(view: QAbstractItemView) -> str:
    model = view.model()
    if model is None:
        return ""
    from PySide6.QtCore import Qt

    names = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(min(model.columnCount(), 4))]
    return ", ".join(n for n in names if n)


def _label_before(widget: QWidget) -> str:
    """The text of the label a sighted person reads as this control's caption (form row or just before it)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    found = _find_in(layout, widget)
    if found is None:
        return ""
    box, index = found
    if isinstance(box, QFormLayout):
        label = box.labelForField(widget)
        return label.text() if isinstance(label, QLabel) else ""
    if index > 0:
        before = box.itemAt(index - 1).widget()
        if isinstance(before, QLabel) and before.text() and before.buddy() in (None, widget):
            return before.text()
    return ""


def _find_in(layout: QLayout, widget: QWidget):
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget:
            return layout, i
        if item.layout() is not None:
            found = _find_in(item.layout(), widget)
            if found is not None:
                return found
    return None


def fallback_name(widget: QWidget) -> str:
    placeholder = ""
    if isinstance(widget, QLineEdit):
        placeholder = widget.placeholderText()
    elif isinstance(widget, QComboBox) and widget.lineEdit() is not None:
        placeholder = widget.lineEdit().placeholderText()
    text = _label_before(widget) or placeholder or widget.toolTip()
    if not text and isinstance(widget, QAbstractItemView):
        text = _container_title(widget) or _headings(widget)
    return text.replace("&", "").strip()


def name_unnamed_controls(top: QWidget) -> int:
    """Give every unnamed control of ``top`` a fallback name; returns how many were named."""
    named = 0
    for w in unnamed_controls(top):
        name = fallback_name(w)
        if name:
            w.setAccessibleName(name)
            named += 1
    return named
