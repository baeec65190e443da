"""Staff accounts: the station's accounts, add one, deactivate or reactivate one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import admin
from desktop_app.core import auth
from desktop_app.core.clock import fmt_local, to_local
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, ListTableModel
from desktop_app.ui.tones import tone
from desktop_app.ui.widgets import fit_columns


def list_view(model, name: str) -> QTableView:
    """A read-only list of whole rows, one selected at a time (every tab of the page)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def role_text(role: str) -> str:
    return QCoreApplication.translate("Roles", auth.ROLE_LABELS.get(auth.Role(role), role))


class StaffTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ListTableModel([
            Column(self.tr("User name"), lambda u: u.username, chars=12),
            Column(self.tr("Name"), lambda u: u.display_name, chars=8),
            Column(self.tr("Role"), lambda u: role_text(u.role), chars=8),
            Column(self.tr("Active"), lambda u: self.tr("yes") if u.active else self.tr("no"),
                   foreground=lambda u: None if u.active else tone("muted"), chars=4),
            Column(self.tr("Last sign-in"), lambda u: fmt_local(u.last_login_at), chars=16,
                   export=lambda u: to_local(u.last_login_at)),
        ], parent=self)
        self.table = list_view(self.model, "staffTable")
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
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: admin.staff_accounts(s, actor=actor), self._show, latest="staff")

    def _show(self, users: list) -> None:
        self.model.set_rows(users)
        fit_columns(self.table)

    def add(self) -> None:
        actor = self.ctx.actor
        username, display, role, password = self.username.text(), self.display.text(), self.role.currentData(), self.password.text()
        self.add_button.setEnabled(False)
        ops.write(self, self.ctx.engine,
                  lambda s: admin.add_staff(s, actor=actor, username=username, display_name=display, role=role, password=password),
                  on_done=self._added, on_error=self._not_added)

    def _added(self, _user) -> None:
        self.add_button.setEnabled(True)
        for w in (self.username, self.display, self.password):
            w.clear()
        self.refresh()

    def _not_added(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        ops.report_error(self, exc)

    def toggle(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        user, actor = self.model.row(index), self.ctx.actor
        ops.write(self, self.ctx.engine,
                  lambda s: admin.set_staff_active(s, actor=actor, user_id=user.id, active=not user.active),
                  on_done=lambda _none: self.refresh())
