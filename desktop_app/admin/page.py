"""Administration page: staff accounts, holiday calendar (enter a new year's notice), audit log, data safety."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.admin import service
from desktop_app.core import audit, auth, workdays
from desktop_app.core.clock import fmt_local
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel, ListTableModel
from desktop_app.ui.messages import show_error, show_info


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def role_text(role: str) -> str:
    return QCoreApplication.translate("Roles", auth.ROLE_LABELS.get(auth.Role(role), role))


class StaffTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ListTableModel([
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Name"), lambda u: u.display_name),
            Column(self.tr("Role"), lambda u: role_text(u.role)),
            Column(self.tr("Active"), lambda u: self.tr("yes") if u.active else self.tr("no"),
                   foreground=lambda u: None if u.active else QColor("#999999")),
            Column(self.tr("Last sign-in"), lambda u: fmt_local(u.last_login_at)),
        ], parent=self)
        self.table = _table(self.model)
        self.table.setObjectName("staffTable")
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.display = QLineEdit()
        self.display.setObjectName("newDisplayName")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for role in (auth.Role.FRONT_DESK, auth.Role.COORDINATOR, auth.Role.ADMIN):
            self.role.addItem(role_text(role.value), role.value)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add account"))
        self.add_button.setObjectName("addStaff")
        self.toggle_button = QPushButton(self.tr("Deactivate / reactivate selected"))
        self.toggle_button.setObjectName("toggleStaff")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Name"), self.display)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Initial password (8+ characters)"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.toggle_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.refresh()

    def refresh(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            self.model.set_rows([u for u in service.staff_accounts(s, actor=self.ctx.actor) if u.role != auth.Role.KIOSK.value])

    def add(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                auth.create_staff(s, actor=self.ctx.actor, username=self.username.text(), display_name=self.display.text(),
                                  role=self.role.currentData(), password=self.password.text())
        except SmileDeskError as exc:
            show_error(self, exc)
            return
        for w in (self.username, self.display, self.password):
            w.clear()
        self.refresh()

    def toggle(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        user = self.model.row(index)
        try:
            with session_scope(self.ctx.engine) as s:
                service.set_staff_active(s, actor=self.ctx.actor, user_id=user.id, active=not user.active)
        except SmileDeskError as exc:
            show_error(self, exc)
            return
        self.refresh()


class CalendarTab(QWidget):
    """Statutory holidays and adjusted workdays of a year; a new year's notice is entered here."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setObjectName("calendarYear")
        self.year.setRange(2004, 2100)
        self.year.setValue(date.today().year)
        self.status = QLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        self.model = ListTableModel([
            Column(self.tr("Date"), lambda d: d.day.isoformat()),
            Column(self.tr("Weekday"), lambda d: QDate(d.day).toString("dddd")),
            Column(self.tr("Kind"), lambda d: self.tr("holiday (day off)") if d.kind == "holiday" else self.tr("adjusted workday"),
                   background=lambda d: QColor("#fde2e1") if d.kind == "holiday" else QColor("#e3f0ff")),
            Column(self.tr("Name"), lambda d: d.name),
        ], parent=self)
        self.table = _table(self.model)
        self.table.setObjectName("calendarTable")
        self.day = QDateEdit()
        self.day.setObjectName("calendarDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.kind = QComboBox()
        self.kind.setObjectName("calendarKind")
        self.kind.addItem(self.tr("holiday (day off)"), "holiday")
        self.kind.addItem(self.tr("adjusted workday"), "workday")
        self.name = QLineEdit()
        self.name.setObjectName("calendarName")
        self.name.setPlaceholderText(self.tr("e.g. 春节"))
        self.set_button = QPushButton(self.tr("Set day"))
        self.set_button.setObjectName("setDay")
        self.clear_button = QPushButton(self.tr("Back to ordinary day"))
        self.clear_button.setObjectName("clearDay")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        edit = QHBoxLayout()
        for w in (self.day, self.kind, self.name, self.set_button, self.clear_button):
            edit.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(edit)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.set_button.clicked.connect(lambda: self.apply(self.kind.currentData()))
        self.clear_button.clicked.connect(lambda: self.apply(None))
        self.refresh()

    def refresh(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            days = service.calendar_days(s, actor=self.ctx.actor, year=self.year.value())
        self.model.set_rows(days)
        holidays = sum(1 for d in days if d.kind == "holiday")
        if holidays:
            self.status.setText(self.tr("{n} holiday days and {m} adjusted workdays entered for {year}.").format(
                n=holidays, m=len(days) - holidays, year=self.year.value()))
            self.status.setStyleSheet("")
        else:
            self.status.setText(self.tr("No holidays entered for {year}: deadlines count Monday–Friday only. "
                                        "Enter the State Council's notice for the year below.").format(year=self.year.value()))
            self.status.setStyleSheet("color: #b35900; font-weight: bold;")

    def apply(self, kind: str | None) -> None:
        day = self.day.date().toPython()
        try:
            with session_scope(self.ctx.engine) as s:
                workdays.set_day(s, actor=self.ctx.actor, day=day, kind=kind, name=self.name.text())
        except SmileDeskError as exc:
            show_error(self, exc)
            return
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self.refresh()


class AuditTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = KeysetTableModel([
            Column(self.tr("Time"), lambda e: fmt_local(e.at, "%Y-%m-%d %H:%M:%S")),
            Column(self.tr("Who"), lambda e: e.actor_name),
            Column(self.tr("Action"), lambda e: e.action),
            Column(self.tr("Record"), lambda e: f"{e.entity} {e.entity_id}"),
            Column(self.tr("Change"), lambda e: (e.after or e.before or "")[:200], tooltip=lambda e: (e.after or "")[:2000]),
        ], self._fetch, lambda e: e.id, self)
        self.table = _table(self.model)
        self.table.setObjectName("auditTable")
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Every change is logged here with who and when; entries cannot be edited.")))
        lay.addWidget(self.table, 1)
        lay.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignRight)
        self.model.reload()

    def _fetch(self, after, limit):
        with session_scope(self.ctx.engine, write=False) as s:
            return service.audit_page(s, actor=self.ctx.actor, before_id=after, limit=limit)

    def refresh(self) -> None:
        self.model.reload()

    def verify(self):
        with session_scope(self.ctx.engine, write=False) as s:
            problems = audit.verify_chain(s)
        if problems:
            return show_info(self, self.tr("The audit log was altered:") + "\n" + "\n".join(problems[:20]), self.tr("Audit log"))
        return show_info(self, self.tr("The audit log is intact."), self.tr("Audit log"))


class SafetyTab(QWidget):
    """Back up, restore and encryption at rest (the safety feature's dialogs)."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = QLabel()
        self.state.setObjectName("encryptionState")
        self.state.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setObjectName("openBackup")
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.setObjectName("openRestore")
        self.encrypt_button = QPushButton()
        self.encrypt_button.setObjectName("openEncryption")
        lay = QVBoxLayout(self)
        for w in (self.backup_button, self.restore_button):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(12)
        lay.addWidget(self.state)
        lay.addWidget(self.encrypt_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self.backup_button.clicked.connect(self.open_backup)
        self.restore_button.clicked.connect(self.open_restore)
        self.encrypt_button.clicked.connect(self.open_encryption)
        self.refresh()

    def refresh(self) -> None:
        from desktop_app.core import db

        path = db.sqlite_path(self.ctx.engine)
        if path is None:
            self.state.setText(self.tr("The database is on a server: back it up and encrypt it there."))
            for w in (self.backup_button, self.restore_button, self.encrypt_button):
                w.setEnabled(False)
        elif db.file_is_encrypted(path):
            self.state.setText(self.tr("Encryption: the database file is encrypted (SQLCipher). Its backups are encrypted with the same passphrase."))
        else:
            self.state.setText(self.tr("Encryption: the database file is not encrypted. On a laptop or a kiosk, encrypt it so a lost computer or backup does not expose residents' data."))
        encrypted = path is not None and db.file_is_encrypted(path)
        self.encrypt_button.setText(self.tr("Decrypt the database…") if encrypted else self.tr("Encrypt the database…"))

    def open_backup(self) -> None:
        from desktop_app.safety.dialogs import BackupDialog

        BackupDialog(self.ctx, self).exec()

    def open_restore(self) -> None:
        from desktop_app.safety.dialogs import RestoreDialog

        RestoreDialog(self.ctx, self).exec()

    def open_encryption(self) -> None:
        from desktop_app.safety.passphrase import encryption_dialog

        encryption_dialog(self.ctx, self)
        self.refresh()


def _has_safety() -> bool:
    from desktop_app import features

    return "safety" in features.enabled_keys()


class AdminPage(QTabWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff = StaffTab(ctx)
        self.calendar = CalendarTab(ctx)
        self.audit = AuditTab(ctx)
        self.addTab(self.staff, self.tr("Staff accounts"))
        self.addTab(self.calendar, self.tr("Holidays and adjusted workdays"))
        self.addTab(self.audit, self.tr("Audit log"))
        self.safety = SafetyTab(ctx) if _has_safety() else None
        if self.safety is not None:
            self.addTab(self.safety, self.tr("Data safety"))

    def refresh(self) -> None:
        self.staff.refresh()
        self.calendar.refresh()
        self.audit.refresh()
        if self.safety is not None:
            self.safety.refresh()
