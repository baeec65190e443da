"""The rosters page's colours as style roles: set in resources/styles/*.qss, never in code.

Table items are not widgets, so a style sheet cannot colour a grid cell by its state. This hidden widget
carries the colours as properties the style sheets set (``qproperty-empty: #f4c7c3;`` on
``QWidget#rosterColours``); the grid reads them when it fills its cells. A colour the sheet leaves out
is invalid and the cell keeps the view's own colours.
"""

from __future__ import annotations

from PySide6.QtCore import Property
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

ROLES = ("empty", "short", "ok", "full", "noShift", "holiday", "blocked", "expired")


def _role(name: str) -> Property:
    def get(self) -> QColor:
        return self._colours.get(name, QColor())

    def put(self, value) -> None:
        self._colours[name] = QColor(value)

    return Property(QColor, get, put)


class RosterColours(QWidget):
    """Cover states (empty, short, ok, full), a day without a patrol, a holiday's date, a volunteer who
    cannot cover, an expired qualification."""

    empty = _role("empty")
    short = _role("short")
    ok = _role("ok")
    full = _role("full")
    noShift = _role("noShift")  # noqa: N815 - the name style sheets use
    holiday = _role("holiday")
    blocked = _role("blocked")
    expired = _role("expired")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours: dict[str, QColor] = {}
        self.setObjectName("rosterColours")
        self.hide()

    def brush(self, role: str) -> QBrush | None:
        """The brush for ``role`` from the current style sheet, or None when the sheet sets none."""
        self.ensurePolished()
        colour = self._colours.get(role)
        return QBrush(colour) if colour is not None and colour.isValid() else None
