"""The desk page: log a visit with the keyboard, today's records, a record's timeline and next steps, figures.

Keyboard flow for a known resident's on-the-spot consultation (3 actions besides typing):
type the name / pinyin / phone digits → Enter picks → a number key picks the category (or type its
initials) → type the summary → Ctrl+Enter saves. The form clears and focus returns to the resident box.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.db import session_scope
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk import service as ds
from desktop_app.desk.dialogs import CategoriesDialog, LinkRepeatDialog, LinkResidentDialog, StepDialog
from desktop_app.desk.models import CHANNELS, DeskCategory
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import show_error

OVERDUE_BG = QColor("#f8d7da")
OVERDUE_FG = QColor("#842029")
DUE_SOON_BG = QColor("#fff3cd")
DUE_SOON_FG = QColor("#664d03")


def _initials(label: str) -> str:
    """Pinyin initials of a Chinese label (政策咨询 → zczx), or first letters of English words."""
    from desktop_app.core.search_keys import _is_han, char_readings

    out = []
    prev_alpha = False
    for ch in label:
        if _is_han(ch):
            readings = char_readings(ch)
            if readings:
                out.append(readings[0][0])
            prev_alpha = False
        elif ch.isascii() and ch.isalpha():
            if not prev_alpha:
                out.append(ch.lower())
            prev_alpha = True
        else:
            prev_alpha = False
    return "".join(out)


class CategoryCombo(QComboBox):
    """Category chooser for the keyboard: 1–9 and 0 pick by position; letters pick by initials (zx → 政策咨询)."""

    committed = Signal()
    RESET_MS = 1200

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._buffer = ""
        self._initials: list[str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.RESET_MS)
        self._timer.timeout.connect(self._reset_buffer)

    def set_categories(self, cats: list[DeskCategory]) -> None:
        self.clear()
        self._initials = None
        self.addItem(QCoreApplication.translate("DeskPage", "— choose (1–0 or initials) —"), None)
        for i, cat in enumerate(cats):
            key = str((i + 1) % 10) if i < 10 else " "
            self.addItem(f"{key}  {ds.category_label(cat)}", cat.code)
        self.setCurrentIndex(0)

    def code(self) -> str | None:
        return self.currentData()

    def _reset_buffer(self) -> None:
        self._buffer = ""

    def _labels(self) -> list[str]:
        if self._initials is None:
            self._initials = [_initials(self.itemText(i)[3:]) for i in range(1, self.count())]
        return self._initials

    def keyPressEvent(self, event) -> None:  # noqa: N802
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if text.isdigit() and len(text) == 1 and mods == Qt.KeyboardModifier.NoModifier:
            index = 10 if text == "0" else int(text)
            if index < self.count():
                self.setCurrentIndex(index)
                self.committed.emit()
            return
        if text.isascii() and text.isalpha() and len(text) == 1 and mods in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier
        ):
            self._buffer += text.lower()
            self._timer.start()
            for i, initials in enumerate(self._labels(), start=1):
                if initials.startswith(self._buffer):
                    self.setCurrentIndex(i)
                    break
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex() > 0 and mods == Qt.KeyboardModifier.NoModifier:
            self.committed.emit()
            return
        super().keyPressEvent(event)


class DeskPage(QWidget):
    """来访登记: the form on top, the list under it, the selected record's timeline and the figures beside it."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._now = utcnow()  # deadline colours are judged against this moment (set again on every reload)
        self.dialog = None  # the open step dialog (tests drive it)
        self.last_error = None
        self.selected: ds.RecordRow | None = None
        self.resident = None
        self._shown_once = False
        with session_scope(ctx.engine, write=False) as s:
            self.cats = ds.categories(s, include_inactive=True)
            self.calendar = WorkCalendar.load(s)
            self.station_list = ds.stations(s, actor=ctx.actor)
        self.cat_labels = {c.id: ds.category_label(c) for c in self.cats}
        self._build_form()
        self._build_list()
        self._build_detail()
        self._build_figures()

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.form_box)
        left_lay.addLayout(self.list_bar)
        left_lay.addWidget(self.table, 1)
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.detail_box, 2)
        right_lay.addWidget(self.figures_box, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.refresh()

    # --- building ---------------------------------------------------------------------------------
    def _build_form(self) -> None:
        self.form_box = QGroupBox(self.tr("New visit"))
        self.form_box.setObjectName("deskForm")
        self.picker = ResidentPicker(self.ctx, self)
        self.picker.chosen.connect(self._resident_chosen)
        self.picker.box.returnPressed.connect(self._picker_enter)
        self.picker.cleared.connect(self._resident_cleared)
        self.walk_name = QLineEdit()
        self.walk_name.setObjectName("walkInName")
        self.walk_name.setPlaceholderText(self.tr("or walk-in name"))
        self.walk_phone = QLineEdit()
        self.walk_phone.setObjectName("walkInPhone")
        self.walk_phone.setPlaceholderText(self.tr("phone (optional)"))
        self.walk_phone.returnPressed.connect(lambda: self.category.setFocus())
        self.walk_name.returnPressed.connect(lambda: self.walk_phone.setFocus())
        self.category = CategoryCombo(self)
        self.category.setObjectName("category")
        self.category.set_categories([c for c in self.cats if c.active])
        self.category.committed.connect(lambda: self.summary.setFocus())
        self.category.setToolTip(self.tr("Press a number key, or type the category's initials (e.g. zc for 政策咨询)."))
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key in CHANNELS:
            self.channel.addItem(QCoreApplication.translate("DeskChannel", ds.CHANNEL_LABELS[key]), key)
        self.summary = QLineEdit()
        self.summary.setObjectName("summary")
        self.summary.setPlaceholderText(self.tr("What does the person need? (one line)"))
        self.details = QLineEdit()
        self.details.setObjectName("details")
        self.details.setPlaceholderText(self.tr("Details (optional)"))
        self.earlier = QCheckBox(self.tr("Came earlier:"))
        self.earlier.setObjectName("cameEarlier")
        self.earlier.setToolTip(self.tr("Tick to log a visit afterwards with the time the person actually came."))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setObjectName("receivedAt")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.earlier.toggled.connect(self.when.setEnabled)
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("saveVisit")
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel()
        self.hint.setObjectName("residentHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #664d03;")
        grid = QGridLayout(self.form_box)
        grid.addWidget(QLabel(self.tr("Who")), 0, 0, Qt.AlignmentFlag.AlignTop)
        who = QHBoxLayout()
        who.addWidget(self.picker, 3)
        who.addWidget(self.walk_name, 1, Qt.AlignmentFlag.AlignTop)
        who.addWidget(self.walk_phone, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(who, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Category")), 1, 0)
        grid.addWidget(self.category, 1, 1)
        grid.addWidget(QLabel(self.tr("Channel")), 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.channel, 1, 3)
        grid.addWidget(QLabel(self.tr("Summary")), 2, 0)
        grid.addWidget(self.summary, 2, 1, 1, 3)
        grid.addWidget(self.details, 3, 1, 1, 3)
        when = QHBoxLayout()
        when.addWidget(self.earlier)
        when.addWidget(self.when)
        when.addStretch(1)
        grid.addLayout(when, 4, 1)
        grid.addWidget(self.save_button, 4, 3)
        grid.addWidget(self.hint, 5, 1, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        # Ctrl+Enter saves from any field of the form (an event filter, so it works wherever focus is).
        for w in (self.picker.box, self.walk_name, self.walk_phone, self.category, self.channel, self.summary,
                  self.details, self.save_button, self.earlier, self.when):
            w.installEventFilter(self)
        can = self.ctx.can(ds.RECORD_VISITS)
        self.form_box.setEnabled(can)
        self.form_box.setVisible(can)

    def _build_list(self) -> None:
        self.view = QComboBox()
        self.view.setObjectName("listView")
        self.view.addItem(self.tr("Received today"), "today")
        self.view.addItem(self.tr("Open, by deadline"), "open")
        self.view.addItem(self.tr("Overdue (escalation list)"), "overdue")
        self.view.addItem(self.tr("All, newest first from a date"), "all")
        self.jump = QDateEdit(QDate.currentDate())
        self.jump.setObjectName("jumpDate")
        self.jump.setCalendarPopup(True)
        self.jump.setDisplayFormat("yyyy-MM-dd")
        self.jump.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")
        self.view.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.jump.dateChanged.connect(lambda _d: self.reload_list())
        self.list_bar = QHBoxLayout()
        self.list_bar.addWidget(self.view)
        self.list_bar.addWidget(self.jump)
        self.list_bar.addStretch(1)
        self.list_bar.addWidget(self.count_label)
        self.categories_button = QPushButton(self.tr("Categories…"))
        self.categories_button.setObjectName("editCategories")
        self.categories_button.setToolTip(self.tr("Edit categories, deadlines and which are settled on the spot"))
        self.categories_button.setVisible(self.ctx.can(ds.MANAGE_CATEGORIES))
        self.categories_button.clicked.connect(self.open_categories)
        self.list_bar.addWidget(self.categories_button)
        columns = [
            Column(self.tr("No."), lambda r: r.id, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("Received"), lambda r: fmt_local(r.received_at, "%m-%d %H:%M")),
            Column(self.tr("Who"), self._who),
            Column(self.tr("Category"), lambda r: self.cat_labels.get(r.category_id, "")),
            Column(self.tr("Summary"), lambda r: r.summary, tooltip=lambda r: r.summary),
            Column(self.tr("Status"), self._status_text, foreground=self._fg, background=self._bg,
                   tooltip=self._deadline_tip),
            Column(self.tr("Due"), lambda r: "" if r.status == "closed" else fmt_local(r.due_at, "%m-%d"),
                   foreground=self._fg, background=self._bg, tooltip=self._deadline_tip),
            Column(self.tr("Handled by"), lambda r: r.assignee),
        ]
        self.model = KeysetTableModel(columns, self._fetch, lambda r: r, self, page_size=200)
        self.table = QTableView()
        self.table.setObjectName("deskTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_index(cur))

    def _build_detail(self) -> None:
        self.detail_box = QGroupBox(self.tr("Selected record"))
        self.detail_box.setObjectName("deskDetail")
        self.detail_title = QLabel(self.tr("Select a record in the list to see its timeline."))
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_state = QLabel()
        self.detail_state.setObjectName("detailState")
        self.detail_state.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        texts = {
            "dispatch": self.tr("Dispatch…"), "start": self.tr("Start handling…"), "resolve": self.tr("Resolve…"),
            "follow_up": self.tr("Follow up…"), "close": self.tr("Close…"), "escalate": self.tr("Escalate…"),
            "link_repeat": self.tr("Link repeat…"), "link_resident": self.tr("Link to resident…"),
        }
        row = self.button_grid = QGridLayout()
        for key, text in texts.items():
            btn = QPushButton(text, self.detail_box)
            btn.setObjectName(f"step_{key}")
            btn.setVisible(False)
            btn.clicked.connect(lambda _c=False, k=key: self.open_step(k))
            self.buttons[key] = btn
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self.detail_box)
        lay.addWidget(self.detail_title)
        lay.addWidget(self.detail_state)
        lay.addLayout(row)
        lay.addWidget(self.timeline, 1)

    def _build_figures(self) -> None:
        self.figures_box = QGroupBox(self.tr("Figures"))
        self.figures_box.setObjectName("deskFigures")
        today = QDate.currentDate()
        self.fig_from = QDateEdit(QDate(today.year(), today.month(), 1))
        self.fig_from.setObjectName("figFrom")
        self.fig_to = QDateEdit(today)
        self.fig_to.setObjectName("figTo")
        for d in (self.fig_from, self.fig_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.dateChanged.connect(lambda _d: self.refresh_figures())
        self.fig_station = QComboBox()
        self.fig_station.setObjectName("figStation")
        self.fig_station.addItem(self.tr("All stations"), None)
        for sid, name in self.station_list:
            self.fig_station.addItem(name, sid)
        self.fig_station.setVisible(len(self.station_list) > 1)
        self.fig_station.currentIndexChanged.connect(lambda _i: self.refresh_figures())
        definitions = QCoreApplication.translate("Desk", ds.FIGURE_DEFINITIONS)
        self.fig_summary = QLabel()
        self.fig_summary.setObjectName("figSummary")
        self.fig_summary.setWordWrap(True)
        self.fig_summary.setToolTip(definitions)
        self.fig_table = QTableWidget(0, 6)
        self.fig_table.setObjectName("figTable")
        self.fig_table.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Received"), self.tr("Closed"), self.tr("On-time rate"),
            self.tr("Followed up"), self.tr("Satisfaction rate"),
        ])
        self.fig_table.setToolTip(definitions)
        self.fig_table.verticalHeader().setVisible(False)
        self.fig_table.verticalHeader().setDefaultSectionSize(24)
        self.fig_table.setMinimumHeight(24 * 12 + 28)  # ten categories and the total without scrolling
        self.fig_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fig_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.fig_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.fig_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.fig_to)
        bar.addWidget(self.fig_station)
        bar.addStretch(1)
        info = QLabel(self.tr("How are these counted?"))
        info.setObjectName("figHelp")
        info.setToolTip(definitions)
        info.setStyleSheet("color: #0b5ed7; text-decoration: underline;")
        bar.addWidget(info)
        lay = QVBoxLayout(self.figures_box)
        lay.addLayout(bar)
        lay.addWidget(self.fig_summary)
        lay.addWidget(self.fig_table, 1)
        self.figures_box.setVisible(self.ctx.can(ds.VIEW_FIGURES))

    # --- list cells -------------------------------------------------------------------------------
    def _who(self, r: ds.RecordRow) -> str:
        if r.walk_in and not r.person:
            return self.tr("(patrol finding)") if r.channel == "patrol" else ""
        if r.walk_in:
            tail = f" {r.phone_masked[-4:]}" if r.phone_masked else ""
            return self.tr("{name} (walk-in){tail}").format(name=r.person, tail=tail)
        return r.person or ""

    def _state(self, r: ds.RecordRow) -> str:
        return ds.deadline_state(r, self._now, self.calendar)

    def _status_text(self, r: ds.RecordRow) -> str:
        text = QCoreApplication.translate("DeskStatus", ds.STATUS_LABELS.get(r.status, r.status))
        state = self._state(r)
        if state == "overdue":
            text += self.tr(" · overdue")
        elif state == "due_soon":
            text += self.tr(" · due soon")
        if r.escalated_at is not None and r.is_open:
            text += self.tr(" · escalated")
        return text

    def _fg(self, r: ds.RecordRow):
        state = self._state(r)
        return QBrush(OVERDUE_FG) if state == "overdue" else QBrush(DUE_SOON_FG) if state == "due_soon" else None

    def _bg(self, r: ds.RecordRow):
        state = self._state(r)
        return QBrush(OVERDUE_BG) if state == "overdue" else QBrush(DUE_SOON_BG) if state == "due_soon" else None

    def _deadline_tip(self, r: ds.RecordRow) -> str:
        if r.status == "closed":
            return self.tr("Closed {closed}; deadline was {due}.").format(
                closed=fmt_local(r.closed_at), due=fmt_local(r.due_at))
        return self.tr("Deadline: {due}").format(due=fmt_local(r.due_at))

    # --- data -------------------------------------------------------------------------------------
    def _fetch(self, after: ds.RecordRow | None, limit: int) -> list[ds.RecordRow]:
        mode = self.view.currentData()
        with session_scope(self.ctx.engine, write=False) as s:
            if mode == "today":
                return [] if after is not None else ds.list_day(s, actor=self.ctx.actor, day=date.today())
            if mode in ("open", "overdue"):
                key = (after.due_at, after.id) if after is not None else None
                return ds.list_open(s, actor=self.ctx.actor, after=key, limit=limit,
                                    overdue_at=self._now if mode == "overdue" else None)
            key = (after.received_at, after.id) if after is not None else None
            return ds.list_page(s, actor=self.ctx.actor, before=key, limit=limit,
                                until_day=self.jump.date().toPython())

    def reload_list(self, select_id: int | None = None) -> None:
        self._now = utcnow()
        self.jump.setVisible(self.view.currentData() == "all")
        self.model.reload(self._fetch)
        n = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{n}{more} records").format(n=n, more=more))
        target = select_id if select_id is not None else (self.selected.id if self.selected else None)
        if target is not None:
            for i, r in enumerate(self.model.rows()):
                if r.id == target:
                    self.table.selectRow(i)
                    return
        if select_id is not None:
            self._show_record_id(select_id)
        elif self.selected is None and n:
            self.table.selectRow(0)  # show the newest record's timeline rather than an empty panel

    def refresh(self) -> None:
        self._now = utcnow()
        self.reload_list()
        self.refresh_figures()
        self._show_detail()

    def refresh_figures(self) -> None:
        if not self.ctx.can(ds.VIEW_FIGURES):
            return
        start = self.fig_from.date().toPython()
        end = self.fig_to.date().toPython()
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                rows = ds.figures(s, actor=self.ctx.actor, start=start, end=end,
                                  station_id=self.fig_station.currentData())
        except Exception as exc:  # noqa: BLE001 - e.g. the period runs backwards
            self.fig_table.setRowCount(0)
            self.fig_summary.setText(show_error_text(exc))
            return
        self.figure_rows = rows
        self.fig_table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            label = self.cat_labels.get(r.category_id, "") if r.category_id is not None else self.tr("Total")
            cells = [label, f"{r.received:,}", f"{r.closed:,}", _pct(r.on_time_rate), f"{r.followed_up:,}",
                     _pct(r.satisfaction_rate)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if r.category_id is None:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                self.fig_table.setItem(i, j, item)
        total = rows[-1]
        self.fig_summary.setText(self.tr(
            "{start} – {end}: received {received:,}, closed {closed:,}, on-time rate {ontime}, satisfaction {sat}."
        ).format(start=start.isoformat(), end=end.isoformat(), received=total.received, closed=total.closed,
                 ontime=_pct(total.on_time_rate), sat=_pct(total.satisfaction_rate)))

    # --- form -------------------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802
        from PySide6.QtCore import QEvent

        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return True
        return super().eventFilter(obj, event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.picker.setFocus)

    def _resident_chosen(self, row) -> None:
        self.resident = row
        self.walk_name.clear()
        self.walk_phone.clear()
        with session_scope(self.ctx.engine, write=False) as s:
            open_rows = ds.open_requests_of(s, actor=self.ctx.actor, resident_id=row.id)
        if open_rows:
            items = self.tr("; ").join(self.tr("No. {id}").format(id=r.id) + f" {self.cat_labels.get(r.category_id, '')} {r.summary}"
                             for r in open_rows[:3])
            self.hint.setText(self.tr("{name} has {n} open request(s): {items}").format(
                name=row.name, n=len(open_rows), items=items))
        else:
            self.hint.clear()
        self.category.setFocus()

    def _picker_enter(self) -> None:
        """Enter with no registered match: the typed Chinese name becomes the walk-in's name."""
        text = self.picker.box.text().strip()
        if self.resident is not None or not text or text.isascii():
            return
        self.walk_name.setText(text)
        self.picker.clear()
        self.walk_phone.setFocus()

    def _resident_cleared(self) -> None:
        self.resident = None
        self.hint.clear()

    def save(self) -> None:
        if not self.ctx.can(ds.RECORD_VISITS):
            return
        resident_id = self.resident.id if self.resident is not None else None
        try:
            with session_scope(self.ctx.engine) as s:
                rec = ds.create_record(
                    s, actor=self.ctx.actor, category_code=self.category.code() or "",
                    summary=self.summary.text(), channel=self.channel.currentData(), resident_id=resident_id,
                    walk_in_name=self.walk_name.text() if resident_id is None else "",
                    walk_in_phone=self.walk_phone.text() if resident_id is None else "",
                    details=self.details.text(),
                    received_at=self.when.dateTime().toPython().astimezone() if self.earlier.isChecked() else None,
                )
                new_id = rec.id
        except Exception as exc:  # noqa: BLE001 - shown to the user; the form keeps what was typed
            self.last_error = show_error(self, exc)
            return
        self.clear_form()
        self.view.setCurrentIndex(0)
        self.reload_list(select_id=new_id)
        self.refresh_figures()
        self.picker.setFocus()

    def clear_form(self) -> None:
        self.picker.clear()
        self.resident = None
        self.walk_name.clear()
        self.walk_phone.clear()
        self.category.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.summary.clear()
        self.details.clear()
        self.hint.clear()
        self.earlier.setChecked(False)
        self.when.setDateTime(QDateTime.currentDateTime())

    # --- detail -----------------------------------------------------------------------------------
    def _select_index(self, index) -> None:
        if not index.isValid():
            return
        self.selected = self.model.row(index)
        self._show_detail()

    def _show_record_id(self, record_id: int) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            self.selected = ds.get_row(s, actor=self.ctx.actor, record_id=record_id)
        self._show_detail()

    def _show_detail(self) -> None:
        r = self.selected
        for btn in self.buttons.values():
            btn.setVisible(False)
        self.timeline.clear()
        if r is None:
            self.detail_state.clear()
            return
        with session_scope(self.ctx.engine, write=False) as s:
            r = self.selected = ds.get_row(s, actor=self.ctx.actor, record_id=r.id)
            events = ds.timeline(s, actor=self.ctx.actor, record_id=r.id)
        self.detail_title.setText(self.tr("No. {id}").format(id=r.id)
                                  + f"  {self._who(r)} · {self.cat_labels.get(r.category_id, '')} · {r.summary}")
        state = QCoreApplication.translate("DeskStatus", ds.STATUS_LABELS[r.status])
        parts = [self.tr("Status: {s}").format(s=state)]
        if r.status != "closed":
            parts.append(self.tr("deadline {due}").format(due=fmt_local(r.due_at)))
            st = ds.deadline_state(r, utcnow(), self.calendar)
            if st == "overdue":
                parts.append(self.tr("OVERDUE"))
            elif st == "due_soon":
                parts.append(self.tr("due soon"))
        if r.repeat_of_id:
            parts.append(self.tr("repeat of No. {id}").format(id=r.repeat_of_id))
        self.detail_state.setText("  ·  ".join(parts))
        for action in ds.next_actions(r.status):
            if action == "escalate" and not self.ctx.can(ds.ESCALATE):
                continue
            if self.ctx.can(ds.HANDLE_REQUESTS) or action == "escalate":
                self.buttons[action].setVisible(True)
        if self.ctx.can(ds.HANDLE_REQUESTS):
            self.buttons["link_repeat"].setVisible(r.repeat_of_id is None)
            self.buttons["link_resident"].setVisible(r.walk_in)
        self._lay_out_buttons()
        for ev in events:
            self.timeline.addItem(QListWidgetItem(self._event_text(ev)))

    def _lay_out_buttons(self) -> None:
        """The visible next-step buttons side by side, three to a row, in loop order."""
        for btn in self.buttons.values():
            self.button_grid.removeWidget(btn)
        shown = [b for b in self.buttons.values() if not b.isHidden()]
        for i, btn in enumerate(shown):
            self.button_grid.addWidget(btn, i // 3, i % 3)

    def _event_text(self, ev) -> str:
        what = QCoreApplication.translate("DeskEvent", ds.EVENT_LABELS.get(ev.kind, ev.kind))
        extra = []
        if ev.assignee:
            extra.append(self.tr("to {who}").format(who=ev.assignee))
        if ev.satisfaction:
            extra.append(QCoreApplication.translate("DeskSatisfaction", ds.SATISFACTION_LABELS[ev.satisfaction]))
        if ev.contact_method:
            extra.append(QCoreApplication.translate("DeskContact", ds.CONTACT_LABELS[ev.contact_method]))
        if ev.note and ev.kind != "received":
            extra.append(ev.note)
        tail = (self.tr(": ") + self.tr(", ").join(extra)) if extra else ""
        return f"{fmt_local(ev.at)}  {ev.actor_name}  {what}{tail}"

    def open_step(self, key: str) -> None:
        r = self.selected
        if r is None:
            return
        if key == "link_repeat":
            with session_scope(self.ctx.engine, write=False) as s:
                cands = ds.repeat_candidates(s, actor=self.ctx.actor, record_id=r.id)
            dlg = LinkRepeatDialog(self.ctx, r, cands, self.cat_labels, self)
        elif key == "link_resident":
            dlg = LinkResidentDialog(self.ctx, r, self)
        else:
            dlg = StepDialog(self.ctx, r, key, self)
        dlg.done_ok.connect(self._after_step)
        self.dialog = dlg
        dlg.open()

    def open_categories(self) -> None:
        dlg = CategoriesDialog(self.ctx, self)
        dlg.done_ok.connect(lambda _n: self._reload_categories())
        self.dialog = dlg
        dlg.open()

    def _reload_categories(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            self.cats = ds.categories(s, include_inactive=True)
        self.cat_labels = {c.id: ds.category_label(c) for c in self.cats}
        self.category.set_categories([c for c in self.cats if c.active])
        self.refresh()

    def _after_step(self, record_id: int) -> None:
        self.reload_list(select_id=record_id)
        self._show_record_id(record_id)
        self.refresh_figures()


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def show_error_text(exc: BaseException) -> str:
    from desktop_app.ui.messages import error_text

    return error_text(exc)


def now_local() -> datetime:
    return datetime.now().astimezone()
