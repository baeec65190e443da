"""Labels show text, never HTML: what people type (an activity named ``<img src=...>``, a resident's name, a
team's notes) must not render as markup on a desk, the kiosk or the smile wall.

A QLabel left at Qt's default (``AutoText``) renders anything that looks like HTML as rich text. One
application-wide filter makes every label plain text when it is first polished — labels made by features,
by dialogs, message boxes and tool tips alike — unless the label asked for rich text itself
(``setTextFormat(Qt.TextFormat.RichText)``, with every piece of data in it escaped: ``html.escape``).
``install(app)`` is called once when the application is made (app.py) and by the test suite's qapp.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

_POLISH = QEvent.Type.Polish
_AUTO = Qt.TextFormat.AutoText
_PLAIN = Qt.TextFormat.PlainText


class PlainTextLabels(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == _POLISH and isinstance(obj, QLabel) and obj.textFormat() == _AUTO:
            obj.setTextFormat(_PLAIN)
        return False


_installed: dict[int, PlainTextLabels] = {}


def install(app) -> None:
    """Make every label of ``app`` plain text unless it asks for rich text (idempotent)."""
    if id(app) in _installed:
        return
    watcher = PlainTextLabels(app)  # the application owns it: it lives as long as the labels it watches
    app.installEventFilter(watcher)
    _installed[id(app)] = watcher
