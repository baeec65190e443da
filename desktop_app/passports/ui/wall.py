"""The smile wall (笑脸墙): a full-screen lobby display of the month's participants and leaderboard.

Participants appear as an avatar initial, a masked name (张*明), their level and this month's stamps,
a page at a time, rotating on a timer. Residents who opted out never appear. Data is re-read from the
local database every few minutes (through ``ui.ops``); nothing here writes. Looks: resources/styles/*.qss
(``QWidget#wall``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core import clock
from desktop_app.core.errors import SmileDeskError
from desktop_app.passports.wall import WallRow, month_leaderboard
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

ROTATE_MS = 8_000
REFRESH_MS = 5 * 60_000
COLUMNS = 3  # at most: fewer where the tiles would not fit (a 1024×768 lobby screen shows two columns)
ROWS = 3
MAX_PARTICIPANTS = 240
AVATAR_TONES = 8  # avatar colours: QLabel#avatar[tone="0"…"7"] in resources/styles/*.qss


class _Tile(QFrame):
    def __init__(self, row: WallRow, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        avatar = QLabel(row.initial or "?", self)
        avatar.setObjectName("avatar")
        avatar.setFixedSize(84, 84)
        avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        avatar.setProperty("tone", str(row.resident_id % AVATAR_TONES))
        name = QLabel(row.masked_name, self)
        name.setObjectName("tileName")
        level = QLabel(row.level or self.tr("Taking part"), self)
        level.setObjectName("tileLevel")
        stamps = QLabel(self.tr("Stamps this month: {n}").format(n=row.month_stamps), self)
        stamps.setObjectName("tileStamps")
        # One line each: a name wrapped in a narrow tile ran into the tile below it. The wall shows as many
        # tiles a page as fit whole (SmileWall._fit_grid).
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(name)
        text.addWidget(level)
        text.addWidget(stamps)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(avatar)
        lay.addSpacing(10)
        lay.addLayout(text, 1)


class SmileWall(QWidget):
    """Full-screen smile wall for the lobby screen."""

    def __init__(self, ctx: AppContext, parent=None, *, rotate_ms: int = ROTATE_MS, refresh_ms: int = REFRESH_MS,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.participants: list[WallRow] = []
        self.leaders: list[WallRow] = []
        self.page = 0
        self.columns, self.rows = COLUMNS, ROWS  # the grid's shape at the wall's size
        self.setObjectName("wall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.full_screen = True  # app.py: the lobby screen; nothing on it leads anywhere
        self.setWindowTitle(self.tr("Smile wall"))

        self.title = QLabel(self.tr("Smile wall"), self)
        self.title.setObjectName("wallTitle")
        self.subtitle = QLabel("", self)
        self.subtitle.setObjectName("wallSub")
        head = QVBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.subtitle)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(16)
        self.grid.setContentsMargins(0, 0, 0, 0)

        self.board = QFrame(self)
        self.board.setObjectName("board")
        self.board_layout = QVBoxLayout(self.board)
        self.board_layout.setContentsMargins(20, 16, 20, 16)
        self.board.setMinimumWidth(300)

        body = QHBoxLayout()
        body.addWidget(self.grid_host, 3)
        body.addSpacing(20)
        body.addWidget(self.board, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(40, 28, 40, 28)
        lay.addLayout(head)
        lay.addSpacing(16)
        lay.addLayout(body, 1)

        self.rotate_timer = QTimer(self)
        self.rotate_timer.setInterval(rotate_ms)
        self.rotate_timer.timeout.connect(self.next_page)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(refresh_ms)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh()
        self.rotate_timer.start()
        self.refresh_timer.start()

    def today(self) -> date:
        return self._today() if self._today is not None else clock.today()

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def pages(self) -> int:
        per = self.per_page
        return max(1, (len(self.participants) + per - 1) // per)

    def tile_size(self) -> QSize:
        """A tile's size with the longest name, level and count of this month, in the wall's style."""
        rows = self.participants[:MAX_PARTICIPANTS]
        if not rows:
            return QSize(0, 0)
        longest = WallRow(rank=0, resident_id=0, initial="张",  community="",
                          masked_name=max((r.masked_name for r in rows), key=len),
                          level=max((r.level or "" for r in rows), key=len),
                          month_stamps=max(r.month_stamps for r in rows))
        probe = _Tile(longest, self.grid_host)
        probe.hide()
        probe.ensurePolished()
        for child in probe.findChildren(QWidget):
            child.ensurePolished()
        size = probe.sizeHint()
        probe.setParent(None)
        probe.deleteLater()
        return size

    def _fit_grid(self) -> bool:
        """As many columns and rows as whole tiles fit in (at most COLUMNS × ROWS); True when that changed."""
        tile = self.tile_size()
        room = self.grid_host.size()
        gap = self.grid.spacing()
        columns = COLUMNS if tile.width() <= 0 else max(1, min(COLUMNS, (room.width() + gap) // (tile.width() + gap)))
        rows = ROWS if tile.height() <= 0 else max(1, min(ROWS, (room.height() + gap) // (tile.height() + gap)))
        if (columns, rows) == (self.columns, self.rows):
            return False
        self.columns, self.rows = columns, rows
        self.page = min(self.page, self.pages - 1)
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.isVisible() and self.participants and self._fit_grid():
            self._show_page()

    def refresh(self) -> None:
        day, actor = self.today(), self.ctx.actor
        month = f"{day.year:04d}-{day.month:02d}"
        ops.query(self, self.ctx.engine, lambda s: month_leaderboard(s, actor=actor, month=month, limit=MAX_PARTICIPANTS),
                  lambda rows: self._show(day, rows), on_error=lambda exc: self._not_read(day, exc), latest="wall")

    def _not_read(self, day: date, exc: BaseException) -> None:
        """Nobody stands at the lobby screen to close a message box: the wall says why it shows no one under
        its title until the next refresh; anything but a refusal is also reported (and logged) as a bug."""
        self._show(day, [])
        if isinstance(exc, SmileDeskError):
            self.subtitle.setText(exc.text())
        else:
            ops.report_error(self, exc)

    def _show(self, day: date, rows: list[WallRow]) -> None:
        self.participants = rows
        self.leaders = self.participants[:10]
        station = self.ctx.station_name
        self.subtitle.setText(
            self.tr("{station} · {year}-{month:02d} · neighbours taking part this month: {n}").format(
                station=station, year=day.year, month=day.month, n=len(self.participants))
        )
        self._fit_grid()
        self.page = min(self.page, self.pages - 1)
        self._show_board()
        self._show_page()

    def next_page(self) -> None:
        self.page = (self.page + 1) % self.pages
        self._show_page()

    def visible_rows(self) -> list[WallRow]:
        per = self.per_page
        return self.participants[self.page * per : (self.page + 1) * per]

    def _clear(self, layout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                self._clear(item.layout())

    def _show_page(self) -> None:
        self._clear(self.grid)
        rows = self.visible_rows()
        if not rows:
            empty = QLabel(self.tr("Collect stamps at the station's activities and your smile appears here!"), self.grid_host)
            empty.setObjectName("empty")
            empty.setWordWrap(True)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(empty, 0, 0)
            return
        for i, row in enumerate(rows):
            self.grid.addWidget(_Tile(row, self.grid_host), i // self.columns, i % self.columns)
        for c in range(COLUMNS):
            self.grid.setColumnStretch(c, 1 if c < self.columns else 0)
        for r in range(ROWS):
            self.grid.setRowStretch(r, 1 if r < self.rows else 0)

    def _show_board(self) -> None:
        self._clear(self.board_layout)
        title = QLabel(self.tr("This month's top 10"), self.board)
        title.setObjectName("boardTitle")
        title.setWordWrap(True)
        self.board_layout.addWidget(title)
        table = QGridLayout()
        table.setHorizontalSpacing(14)
        for i, row in enumerate(self.leaders):
            for col, (text, align) in enumerate((
                (f"{row.rank}", Qt.AlignmentFlag.AlignRight),
                (row.masked_name, Qt.AlignmentFlag.AlignLeft),
                (str(row.month_stamps), Qt.AlignmentFlag.AlignRight),
            )):
                cell = QLabel(text, self.board)
                cell.setObjectName("boardLine")
                cell.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                table.addWidget(cell, i, col)
        table.setColumnStretch(1, 1)
        self.board_layout.addLayout(table)
        self.board_layout.addStretch(1)
