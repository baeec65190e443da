"""The desk page: log a visit with the keyboard, today's records, a record's timeline and next steps, figures.

Keyboard flow for a known resident's on-the-spot consultation (3 actions besides typing):
type the name / pinyin / phone digits → Enter picks → a number key picks the category (or type its
initials) → type the summary → Ctrl+Enter saves. The form clears and focus returns to the resident box.

Every read and write goes through ui.ops; the step dialogs (dialogs.py) open one per record.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.clock import utcnow
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.category_list import categories, category_label
from desktop_app.desk.day_figures import stations
from desktop_app.desk.lists import (
    RecordRow,
    get_row,
    list_day,
    list_open,
    list_page,
    open_requests_of,
    timeline,
)
from desktop_app.desk.models import CHANNEL_LABELS, Channel, DeskCategory, Status
from desktop_app.desk.permissions import MANAGE_CATEGORIES, RECORD_VISITS, VIEW_FIGURES
from desktop_app.desk.ui.category_combo import CategoryCombo
from desktop_app.desk.ui.detail import LINK_REPEAT, LINK_RESIDENT, RecordDetail
from desktop_app.desk.ui.dialogs import CategoriesDialog, LinkRepeatDialog, LinkResidentDialog, StepDialog
from desktop_app.desk.ui.figures_box import FiguresBox
from desktop_app.desk.ui.record_table import DeskTable
from desktop_app.desk.visits import create_record
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.calendar_note import CalendarNote
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import follow_today
from desktop_app.ui.export_action import shown_filter
from desktop_app.ui.fit import FlowLayout, scrolling
from desktop_app.ui.lazy_model import KeysetTableModel
from desktop_app.ui.messages import show_error
from desktop_app.ui.widgets import fit_columns, open_single, pydate


class DeskPage(QWidget):
    """来访登记: the form on top, the list under it, the selected record's timeline and the figures beside it."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = None  # the step dialog opened last (tests drive it)
        self.last_error = None
        self.selected: RecordRow | None = None
        self.resident = None
        self.cats: list[DeskCategory] = []
        self.cat_labels: dict[int, str] = {}
        self.calendar: WorkCalendar | None = None
        self._shown_once = False
        self._select_after_load: int | None = None
        self._reloading = False
        self._widths_fitted = False
        self._build_form()
        self._build_list()
        self.detail = RecordDetail(ctx)
        self.detail.step_requested.connect(self.open_step)
        self.figures = FiguresBox(ctx)
        self.figures.setVisible(ctx.can(VIEW_FIGURES))

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.form_box)
        left_lay.addLayout(self.list_bar)
        left_lay.addWidget(self.list_note)
        left_lay.addWidget(self.table, 1)
        right = QWidget()
        right.setObjectName("deskSide")
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.detail, 1)  # the timeline takes the room the figures' rows leave
        right_lay.addWidget(self.figures)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scrolling(right, horizontal=False))  # scrolls on a small screen in large text
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.load_reference()

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
        self.category.committed.connect(lambda: self.summary.setFocus())
        self.category.setToolTip(self.tr("Press a number key, or type the category's initials (e.g. zc for 政策咨询)."))
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        for key in Channel:
            self.channel.addItem(QCoreApplication.translate("DeskChannel", CHANNEL_LABELS[key]), key)
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
        self.when.setAccessibleName(self.earlier.text().rstrip(":：").strip())
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("saveVisit")
        self.save_button.clicked.connect(self.save)
        self.hint = QLabel()
        self.hint.setObjectName("residentHint")
        self.hint.setWordWrap(True)  # looks: QLabel#residentHint in resources/styles/*.qss
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
        when = FlowLayout()  # "came earlier" and Save share a line when there is room (ui/fit.py)
        when.group(self.earlier, self.when)
        when.addStretch()
        when.addWidget(self.save_button)
        grid.addLayout(when, 4, 1, 1, 3)
        grid.addWidget(self.hint, 5, 1, 1, 3)
        # the deadline a record saved now would get falls in a year without holidays: say so before saving
        self.due_note = CalendarNote(self.form_box, "deskDueNote")
        grid.addWidget(self.due_note, 6, 1, 1, 3)
        self.category.currentIndexChanged.connect(lambda _i: self.update_due_note())
        self.when.dateTimeChanged.connect(lambda _d: self.update_due_note())
        self.earlier.toggled.connect(lambda _on: self.update_due_note())
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        # Ctrl+Enter saves from any field of the form (an event filter, so it works wherever focus is).
        for w in (self.picker.box, self.walk_name, self.walk_phone, self.category, self.channel, self.summary,
                  self.details, self.save_button, self.earlier, self.when):
            w.installEventFilter(self)
        can = self.ctx.can(RECORD_VISITS)
        self.form_box.setEnabled(can)
        self.form_box.setVisible(can)


    def _build_list(self) -> None:
        self.view = QComboBox()
        self.view.setObjectName("listView")
        self.view.addItem(self.tr("Received today"), "today")
        self.view.addItem(self.tr("Open, by deadline"), "open")
        self.view.addItem(self.tr("Overdue (escalation list)"), "overdue")
        self.view.addItem(self.tr("All, newest first from a date"), "all")
        self.jump = follow_today(QDateEdit(QDate.currentDate()))
        self.jump.setObjectName("jumpDate")
        self.jump.setAccessibleName(self.tr("Jump to date"))
        self.jump.setCalendarPopup(True)
        self.jump.setDisplayFormat("yyyy-MM-dd")
        self.jump.setVisible(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")
        self.list_note = CalendarNote(None, "deskListNote")  # open records due in a year without holidays
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
        self.categories_button.setVisible(self.ctx.can(MANAGE_CATEGORIES))
        self.categories_button.clicked.connect(self.open_categories)
        self.list_bar.addWidget(self.categories_button)
        self.table = DeskTable()
        self.model = KeysetTableModel(self.table.columns(), self._fetch(), lambda r: r, self, page_size=200,
                                      engine=self.ctx.engine)
        self.model.loaded.connect(self._list_loaded)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_index(cur))

    # --- data -------------------------------------------------------------------------------------
    def load_reference(self) -> None:
        """Categories, the work calendar and the stations (once, and after the categories are edited)."""
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine,
                  lambda s: (categories(s, include_inactive=True), WorkCalendar.load(s), stations(s, actor=actor)),
                  self._reference_loaded, latest="reference")

    def _reference_loaded(self, loaded) -> None:
        cats, calendar, station_list = loaded
        self.cats = cats
        self.cat_labels = {c.id: category_label(c) for c in cats}
        self.table.cat_labels = self.cat_labels
        self.table.calendar = calendar
        self.calendar = calendar
        self.category.set_categories([c for c in cats if c.active])
        self.figures.set_reference(self.cat_labels, station_list)
        self.update_due_note()
        self.refresh()

    def export_filter(self, view) -> list[str]:
        """The list's export is named after the view chosen ("今日受理") and the date jumped to."""
        return shown_filter(self.view, self.jump, always=(self.view,))

    def _fetch(self):
        """The model's reader for the list chosen now (captured on the GUI thread)."""
        mode, actor, now = self.view.currentData(), self.ctx.actor, self.table.now
        until = pydate(self.jump.date())
        today = clock.today()

        def fetch(s, after: RecordRow | None, limit: int) -> list[RecordRow]:
            if mode == "today":
                return [] if after is not None else list_day(s, actor=actor, day=today)
            if mode in ("open", "overdue"):
                key = (after.due_at, after.id) if after is not None else None
                return list_open(s, actor=actor, after=key, limit=limit, overdue_at=now if mode == "overdue" else None)
            key = (after.received_at, after.id) if after is not None else None
            return list_page(s, actor=actor, before=key, limit=limit, until_day=until)

        return fetch

    def reload_list(self, select_id: int | None = None) -> None:
        self.table.now = utcnow()
        self.jump.setVisible(self.view.currentData() == "all")
        self._select_after_load = select_id
        self._reloading = True
        self.model.reload(self._fetch())

    def _list_loaded(self) -> None:
        n = self.model.rowCount()
        if self.calendar is not None:  # deadlines of the records shown that were counted without holidays
            self.list_note.show_years(self.calendar.missing_years(
                *(r.due_at.astimezone() for r in self.model.rows() if r.status != Status.CLOSED)))
        more = "+" if self.model.canFetchMore() else ""
        self.count_label.setText(self.tr("{n}{more} records").format(n=n, more=more))
        if not self._widths_fitted and n:
            fit_columns(self.table, stretch_last=False)
            self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
            self._widths_fitted = True
        if not self._reloading:
            return
        self._reloading = False
        select_id, self._select_after_load = self._select_after_load, None
        target = select_id if select_id is not None else (self.selected.id if self.selected else None)
        if target is not None:
            for i, r in enumerate(self.model.rows()):
                if r.id == target:
                    self.table.selectRow(i)
                    self._show_detail()
                    return
        if select_id is not None:
            self._show_record_id(select_id)
        elif self.selected is None and n:
            self.table.selectRow(0)  # show the newest record's timeline rather than an empty panel
        else:
            self._show_detail()

    def refresh(self) -> None:
        self.reload_list()
        self.refresh_figures()

    def refresh_figures(self) -> None:
        if self.ctx.can(VIEW_FIGURES):
            self.figures.refresh()

    # --- form -------------------------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802
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
        self.hint.clear()
        self.category.setFocus()
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: open_requests_of(s, actor=actor, resident_id=row.id),
                  lambda open_rows: self._show_open_requests(row, open_rows), latest="open_requests")

    def _show_open_requests(self, row, open_rows: list[RecordRow]) -> None:
        if self.resident is None or self.resident.id != row.id or not open_rows:
            return
        items = self.tr("; ").join(self.tr("No. {id}").format(id=r.id) + f" {self.cat_labels.get(r.category_id, '')} {r.summary}"
                                   for r in open_rows[:3])
        self.hint.setText(self.tr("{name} has {n} open request(s): {items}").format(
            name=row.name, n=len(open_rows), items=items))

    def update_due_note(self) -> None:
        """Warn when the deadline a record saved now would get lies in a year whose holidays are not entered."""
        cat = next((c for c in self.cats if c.code == self.category.code()), None)
        if self.calendar is None or cat is None or cat.on_the_spot:
            self.due_note.show_years([])
            return
        received = (self.when.dateTime().toPython() if self.earlier.isChecked() else QDateTime.currentDateTime().toPython()).date()
        due = self.calendar.add_workdays(received, cat.deadline_workdays)
        self.due_note.show_years(self.calendar.missing_years(received, due))

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
        if not self.ctx.can(RECORD_VISITS):
            return
        actor = self.ctx.actor
        resident_id = self.resident.id if self.resident is not None else None
        values = dict(
            category_code=self.category.code() or "", summary=self.summary.text(), channel=self.channel.currentData(),
            resident_id=resident_id,
            walk_in_name=self.walk_name.text() if resident_id is None else "",
            walk_in_phone=self.walk_phone.text() if resident_id is None else "",
            details=self.details.text(),
            received_at=self.when.dateTime().toPython().astimezone() if self.earlier.isChecked() else None,
        )
        self.save_button.setEnabled(False)
        ops.write(self, self.ctx.engine, lambda s: create_record(s, actor=actor, **values).id, self._saved,
                  on_error=self._not_saved)

    def _saved(self, new_id: int) -> None:
        self.save_button.setEnabled(True)
        self.clear_form()
        self.view.blockSignals(True)
        self.view.setCurrentIndex(0)
        self.view.blockSignals(False)
        self.reload_list(select_id=new_id)
        self.refresh_figures()
        self.picker.setFocus()

    def _not_saved(self, exc: BaseException) -> None:
        """Shown to the user; the form keeps what was typed."""
        self.save_button.setEnabled(True)
        self.last_error = show_error(self, exc)

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
        if not index.isValid() or self.model.row(index) is None:
            return
        self.selected = self.model.row(index)
        self._show_detail()

    def _show_record_id(self, record_id: int) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: get_row(s, actor=actor, record_id=record_id), self._selected_row,
                  latest="select")

    def _selected_row(self, row: RecordRow) -> None:
        self.selected = row
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected record read again (someone may have moved it on) with its timeline."""
        r = self.selected
        if r is None:
            self.detail.clear()
            return
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine,
                  lambda s: (get_row(s, actor=actor, record_id=r.id), timeline(s, actor=actor, record_id=r.id)),
                  self._detail_loaded, latest="detail")

    def _detail_loaded(self, loaded) -> None:
        row, events = loaded
        self.selected = row
        title = f"{self.table.who(row)} · {self.cat_labels.get(row.category_id, '')} · {row.summary}"
        self.detail.show_record(row, events, title=title, calendar=self.calendar)

    def open_step(self, key: str) -> None:
        """The dialog of a next step for the selected record: one per record (a second click raises it)."""
        r = self.selected
        if r is None:
            return

        def make():
            if key == LINK_REPEAT:
                dlg = LinkRepeatDialog(self.ctx, r, self.cat_labels, self)
            elif key == LINK_RESIDENT:
                dlg = LinkResidentDialog(self.ctx, r, self)
            else:
                dlg = StepDialog(self.ctx, r, key, self)
            dlg.done_ok.connect(self._after_step)
            dlg.open()
            return dlg

        self.dialog = open_single(self, ("record", r.id), make)

    def open_categories(self) -> None:
        def make():
            dlg = CategoriesDialog(self.ctx, self)
            dlg.done_ok.connect(lambda _n: self.load_reference())
            dlg.open()
            return dlg

        self.dialog = open_single(self, "categories", make)

    def _after_step(self, record_id: int) -> None:
        self.reload_list(select_id=record_id)
        self.refresh_figures()
