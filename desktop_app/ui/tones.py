"""Colours of table cells, set by the style sheets (resources/styles/*.qss) like every other colour.

A style sheet reaches widgets, not the cells a model paints, so a model asks here by role::

    Column(self.tr("Active"), ..., foreground=lambda u: None if u.active else tone("muted"))

and each .qss gives the roles their colours (normal, large-text and high-contrast each their own)::

    Tones { qproperty-muted: #999999; qproperty-holiday: #fde2e1; qproperty-workday: #e3f0ff; }

A role the current sheet leaves out is None: the cell keeps the view's own colours. Add a role below (a
Property) and to the three sheets.
"""

from __future__ import annotations

from PySide6.QtCore import Property
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

ROLES = ("muted", "holiday", "workday", "warning", "good")


def _role(name: str) -> Property:
    def get(self: Tones) -> QColor:
        return self._colours.get(name, QColor())

    def put(self: Tones, colour: QColor) -> None:
        self._colours[name] = QColor(colour)

    return Property(QColor, get, put)


class Tones(QWidget):
    """Never shown: it only receives the style sheet's ``qproperty-<role>`` values."""

    def __init__(self) -> None:
        self._colours: dict[str, QColor] = {}
        super().__init__()
        self.setObjectName("tones")

    muted = _role("muted")  # inactive, cancelled, past: grey text
    holiday = _role("holiday")  # a day off: background
    workday = _role("workday")  # an adjusted workday: background
    warning = _role("warning")  # needs attention: text
    good = _role("good")  # done, in order: text


_tones: Tones | None = None


def tone(role: str) -> QColor | None:
    """The current style's colour for ``role`` (None: the sheet sets none, keep the view's colour)."""
    global _tones
    if _tones is None:
        _tones = Tones()
        _tones.ensurePolished()
    colour = _tones.property(role)
    return colour if isinstance(colour, QColor) and colour.isValid() else None


def restyled() -> None:
    """The application's style sheet changed: read the colours again on next use."""
    global _tones
    if _tones is not None:
        _tones.deleteLater()
    _tones = None
