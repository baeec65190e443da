"""Screens of 1366×768 and 1024×768 (less the taskbar), in the normal and large-text styles: what lets every
window fit them (docs/user/screens.md; tests/ui/test_screen_sizes.py measures every page and dialog).

    available_geometry(widget)   the screen's area a window may use (without the taskbar)
    screen_of(widget)            the widget's screen, without widget.screen() (which can delete the screen)
    place_window(window, ...)    open within that area: the saved geometry, else a preferred size, clamped
    FlowLayout                   a row of buttons that wraps onto a second line instead of forcing width
    ElidedLabel                  a label that elides ("…") and shows the whole text as its tooltip
    scrolling(widget)            a scroll area around a page or a long form, so it never forces the window's size
    show_rows(view, n)           a list that keeps room for n rows however small the window

A page or dialog may be narrower or shorter than its contents only by scrolling or reflowing, never by
running off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

# What a window's frame takes on Windows 10/11 at 100 %: the title bar and the resize borders. A window's
# client area must fit the available area less this.
FRAME = QSize(16, 39)
# Below this a window gets smaller than any station screen: the last resort of a page is to scroll.
SCROLL_MINIMUM = QSize(320, 240)


def screen_of(widget: QWidget | None = None) -> QScreen | None:
    """The screen ``widget`` is on (the primary one when it is on none yet), found with the application's
    static functions only.

    Never ``widget.screen()`` (nor ``QWindow.screen()``): PySide 6.11 makes the screen's wrapper a child of the
    widget that asked. When that widget later dies in a reference cycle, the garbage collector may clear the
    screen's wrapper first, which hands it ownership of the C++ screen, and deletes the screen: the next
    window to ask for its screen (saveGeometry, a new top-level widget) crashed the process (issue 14; the
    test is tests/ui/test_screen_wrapper.py)."""
    screen = None
    if widget is not None:
        screen = QGuiApplication.screenAt(widget.mapToGlobal(widget.rect().center()))
    return screen or QGuiApplication.primaryScreen()


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The area of the widget's screen (the primary one when it has none yet) that windows may use."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def client_room(available: QRect) -> QSize:
    """The largest client area of a framed window inside ``available``."""
    return QSize(max(0, available.width() - FRAME.width()), max(0, available.height() - FRAME.height()))


def fitted_rect(available: QRect, size: QSize, top_left: QPoint | None = None) -> QRect:
    """A client rectangle of at most ``size`` inside ``available``: at ``top_left`` if it fits there (moved
    back inside otherwise), centred when no position is given."""
    room = client_room(available)
    w, h = min(size.width(), room.width()), min(size.height(), room.height())
    left = available.left() + FRAME.width() // 2
    top = available.top() + FRAME.height() - FRAME.width() // 2
    if top_left is None:
        x = left + (room.width() - w) // 2
        y = top + (room.height() - h) // 2
    else:
        x = min(max(top_left.x(), left), left + room.width() - w)
        y = min(max(top_left.y(), top), top + room.height() - h)
    return QRect(x, y, w, h)


def place_window(window: QWidget, preferred: QSize, saved: QByteArray | bytes | None = None) -> None:
    """Open ``window`` within the available screen: at its saved geometry (size and position) when there is
    one, else at ``preferred``; either way no larger than the screen's available area and never off it
    (a geometry saved on a bigger monitor, a screen that has since become smaller)."""
    available = available_geometry(window)
    if saved and window.restoreGeometry(QByteArray(saved)):
        if window.isMaximized() or window.isFullScreen():
            return
        rect = fitted_rect(available, window.size(), window.geometry().topLeft())
    else:
        rect = fitted_rect(available, preferred)
    window.setGeometry(rect)


def fit_dialog(dialog: QWidget) -> None:
    """A dialog as large as its contents want, up to the available screen (Qt by itself opens a window at
    most two thirds of the screen high: a long form would scroll on a 768 px screen with room to spare).
    A size the dialog set itself is kept, only bounded by the screen."""
    room = client_room(available_geometry(dialog))
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        want = dialog.size()
    else:
        want = dialog.sizeHint().expandedTo(least)
    dialog.resize(want.boundedTo(room).expandedTo(least.boundedTo(room)))


class _Holder(QLayout):
    """The one widget a scroll area shows, without height-for-width.

    A page with word-wrapped labels has height-for-width, and Qt then takes the *preferred* height of every
    table and list around them as the least the page needs at a width: a scroll area would scroll a page
    that fits. Through this layout the scroll area sees the page's minimum size, as a window would."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)
        self._item: QLayoutItem | None = None

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._item = item

    def count(self) -> int:
        return 0 if self._item is None else 1

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._item if index == 0 else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        item, self._item = (self._item, None) if index == 0 else (None, self._item)
        return item

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._item.sizeHint() if self._item is not None else QSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        return self._item.minimumSize() if self._item is not None else QSize(0, 0)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        if self._item is not None:
            self._item.setGeometry(rect)


class _SidePanelScroll(QScrollArea):
    """A scroll area that scrolls up and down only: as narrow as its widget may be, and a little high."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget()
        width = inner.minimumSizeHint().expandedTo(inner.minimumSize()).width() if inner is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(), SCROLL_MINIMUM.height())

    def sizeHint(self) -> QSize:  # noqa: N802
        """All of the widget: a dialog opens showing the whole form where the screen has room for it."""
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint().expandedTo(inner.minimumSizeHint())
        if inner.hasHeightForWidth():
            hint.setHeight(max(hint.height(), inner.heightForWidth(hint.width())))
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(),
                     hint.height() + 2 * self.frameWidth())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the widget's minimum width may have changed: so has ours
        return super().eventFilter(obj, event)


def scrolling(widget: QWidget, *, horizontal: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area that grows with it: the widget gets all the room there is, and
    scrolls only where the window is smaller than the widget's minimum.

    ``horizontal=False``: it scrolls up and down only, and is as narrow as the widget may be (a side panel)."""
    area = QScrollArea() if horizontal else _SidePanelScroll()
    area.setObjectName(f"scroll-{widget.objectName()}" if widget.objectName() else "scrollArea")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if horizontal:
        area.setMinimumSize(SCROLL_MINIMUM)
    else:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if horizontal:
        holder = QWidget()
        holder.setObjectName("scrollHolder")
        _Holder(holder).addWidget(widget)
        area.setWidget(holder)
    else:
        area.setWidget(widget)  # its width is the panel's: every wrapped line gets its height, and it scrolls
    return area


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The scroll area ``scrolling`` put ``widget`` in (None when it is in none)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out (a toolbar of buttons on a
    narrow screen or in large text): the minimum width is that of the widest item, not of the whole row.

    ``addStretch()`` splits the row: what comes after it keeps to the right edge of its line (the actions
    at the end of a toolbar), as a stretch in a QHBoxLayout would. ``group(*widgets)`` keeps widgets that
    belong together (◀ month ▶) on one line.

    The layout has no height-for-width (which would make the layouts around it ask every other item for
    its preferred height, and a scrolling page scroll): its minimum height is that of the lines it needed at
    its last width, updated after each resize.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._split: int | None = None
        self._height = -1  # the height the items needed at the last width they were arranged in
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def addStretch(self) -> None:  # noqa: N802
        self._split = len(self._items)

    def group(self, *widgets: QWidget, spacing: int = 4) -> QWidget:
        """Add ``widgets`` as one item (they wrap together); returns the holder."""
        from PySide6.QtWidgets import QHBoxLayout

        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(spacing)
        for w in widgets:
            row.addWidget(w)
        self.addWidget(holder)
        return holder

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        if self._split is not None and index < self._split:
            self._split -= 1
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def height_for(self, width: int) -> int:
        """The height the items need at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._height:
            self._height = height
            QTimer.singleShot(0, self, self.invalidate)  # the layouts around ask the new minimum height

    def sizeHint(self) -> QSize:  # noqa: N802
        """One line: every item side by side (as high as the lines at the current width)."""
        w = h = 0
        for _i, item in self._visible():
            hint = item.sizeHint()
            w += hint.width() + (self._space(item) if w else 0)
            h = max(h, hint.height())
        m = self.contentsMargins()
        return QSize(w + m.left() + m.right(), max(h + m.top() + m.bottom(), self._height))

    def minimumSize(self) -> QSize:  # noqa: N802
        """As wide as the widest item; as high as the lines at the current width."""
        size = QSize(0, 0)
        for _i, item in self._visible():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        size += QSize(m.left() + m.right(), m.top() + m.bottom())
        return QSize(size.width(), max(size.height(), self._height))

    def _visible(self) -> list[tuple[int, QLayoutItem]]:
        return [(i, item) for i, item in enumerate(self._items) if not item.isEmpty()]

    def _space(self, item: QLayoutItem) -> int:
        if self._spacing >= 0:
            return self._spacing
        owner = item.widget() or self.parentWidget()
        if owner is None:
            return 6
        kind = QSizePolicy.ControlType.PushButton
        return max(0, owner.style().layoutSpacing(kind, kind, Qt.Orientation.Horizontal, None, owner)) or 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[int, QLayoutItem, QSize]]] = [[]]
        x = 0
        for i, item in self._visible():
            hint = item.sizeHint().boundedTo(QSize(max(area.width(), 0), 1 << 20)).expandedTo(item.minimumSize())
            gap = self._space(item) if lines[-1] else 0
            if lines[-1] and x + gap + hint.width() > area.width():
                lines.append([])
                x, gap = 0, 0
            lines[-1].append((i, item, hint))
            x += gap + hint.width()
        split = len(self._items) if self._split is None else self._split
        y = area.top()
        for n, line in enumerate(lines):
            if not line:
                continue
            height = max(h.height() for _, _, h in line)
            if n:
                y += self._space(line[0][1])
            if move:
                x = area.left()
                for k, (_i, item, hint) in enumerate([e for e in line if e[0] < split]):
                    x += self._space(item) if k else 0
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                    x += hint.width()
                x = area.right() + 1
                for k, (_i, item, hint) in enumerate(reversed([e for e in line if e[0] >= split])):
                    x -= hint.width() + (self._space(item) if k else 0)
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
            y += height
        return y - area.top() + m.top() + m.bottom()


class ElidedLabel(QLabel):
    """One line of text that elides at the end when there is no room, with the whole text as its tooltip
    (and accessible description); its minimum width is a few characters, never the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, min_chars: int = 4,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self.min_chars = min_chars
        self.mode = mode  # ElideMiddle for a file's path: its drive and its name stay
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.updateGeometry()
        self._elide()

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        m = self.contentsMargins()
        chars = min(len(self._full), self.min_chars)
        width = fm.horizontalAdvance("微" * chars + "…") if chars else 0
        return QSize(width + m.left() + m.right(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        m = self.contentsMargins()
        return QSize(fm.horizontalAdvance(self._full) + m.left() + m.right() + 2, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._elide()

    def _elide(self) -> None:
        m = self.contentsMargins()
        width = max(0, self.width() - m.left() - m.right())
        shown = self.fontMetrics().elidedText(self._full, self.mode, width)
        QLabel.setText(self, shown)
        self.setToolTip("" if shown == self._full else self._full)


class _RowsShown(QObject):
    """Keeps a table at least ``rows`` rows high, measured again when its font changes."""

    def __init__(self, view: QAbstractItemView, rows: int) -> None:
        super().__init__(view)
        self.setObjectName("rowsShown")
        self.rows = rows
        self.apply(view)

    def apply(self, view: QAbstractItemView) -> None:
        view.ensurePolished()
        header = getattr(view, "horizontalHeader", lambda: None)()
        head = header.sizeHint().height() if header is not None and not header.isHidden() else 0
        vertical = getattr(view, "verticalHeader", lambda: None)()
        row = vertical.defaultSectionSize() if vertical is not None else view.sizeHintForRow(0)
        if row <= 0:
            row = view.fontMetrics().height() + 8
        bar = view.horizontalScrollBar().sizeHint().height()
        view.setMinimumHeight(head + self.rows * row + bar + 2 * view.frameWidth())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and isinstance(obj, QAbstractItemView):
            self.apply(obj)
        return False


class _RowHeights(QObject):
    """A table's rows as high as ``lines`` lines of its font, measured again when the font changes."""

    def __init__(self, view: QAbstractItemView, lines, pad: int) -> None:
        super().__init__(view)
        self.setObjectName("rowHeights")
        self.lines, self.pad = lines, pad

    def apply(self, view: QAbstractItemView) -> None:
        view.ensurePolished()
        lines = self.lines() if callable(self.lines) else self.lines
        height = lines * view.fontMetrics().lineSpacing() + self.pad
        header = view.verticalHeader()
        if header.defaultSectionSize() != height:
            header.setDefaultSectionSize(height)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and isinstance(obj, QAbstractItemView):
            self.apply(obj)
        return False


def rows_follow_font(view: QAbstractItemView, lines=1, *, pad: int = 7):
    """Rows as high as ``lines`` lines of the view's font and ``pad`` pixels (a fixed 24 px cut large text in
    half); ``lines`` may be a function (two lines where the columns are too narrow for one). Returns a function
    that measures again, for when the rows' texts or the columns' widths change."""
    keeper = _RowHeights(view, lines, pad)
    view.installEventFilter(keeper)
    keeper.apply(view)
    return lambda: keeper.apply(view)


def show_rows(view: QAbstractItemView, rows: int) -> None:
    """However small the window, ``view`` keeps room for its header and ``rows`` rows (the page scrolls, or
    other parts give way, rather than a list shrinking to a single row)."""
    view.installEventFilter(_RowsShown(view, rows))


class _FitOnShow(QObject):
    """Sizes a dialog by ``fit_dialog`` when it is first shown (its data may have arrived by then)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget):
            obj.removeEventFilter(self)
            fit_dialog(obj)
        return False


def scroll_body(dialog: QWidget) -> QScrollArea:
    """Everything of a long dialog but its buttons in a scroll area that scrolls up and down, so the dialog
    fits a 768 px screen in large text and its Save button stays in sight. Call once its layout is built."""
    from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout

    layout = dialog.layout()
    body = QWidget()
    body.setObjectName("dialogBody")
    body.setLayout(layout)  # takes the layout, and the widgets in it, off the dialog
    buttons = [b for b in body.findChildren(QDialogButtonBox, options=Qt.FindChildOption.FindDirectChildrenOnly)]
    for b in buttons:
        layout.removeWidget(b)
    outer = QVBoxLayout(dialog)
    area = scrolling(body, horizontal=False)
    outer.addWidget(area, 1)
    for b in buttons:
        outer.addWidget(b)
    dialog.installEventFilter(_FitOnShow(dialog))
    return area
