"""The meals page: the coordinator's day (orders, kitchen sheet, routes, outcomes, welfare checks in
red, the canteen counter), recipients, accounts (top-ups, ledger, statements, subsidy claim), food samples.

One file per tab (day.py, recipients.py, accounts.py, samples.py); a tab is built when it is first shown.
Every read and write goes through ui.ops; printing and generating run with a progress dialog (run_op).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.ui.context import AppContext


class MealsPage(QWidget):
    TABS = ("day", "recipients", "accounts", "samples")

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mealsPage")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mealsTabs")
        titles = {"day": self.tr("Today's meals"), "recipients": self.tr("Recipients"), "accounts": self.tr("Accounts"),
                  "samples": self.tr("Food samples")}
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        for key in self.TABS:
            holder = QWidget(self.tabs)
            holder.setObjectName(f"{key}Holder")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.tabs.addTab(holder, titles[key])
        lay.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(self.tabs.currentIndex())

    def tab(self, key: str) -> QWidget:
        """The tab's contents, built the first time they are shown or asked for."""
        if key not in self._built:
            if key == "day":
                from desktop_app.meals.ui.day import DayTab

                widget: QWidget = DayTab(self.ctx, self._holders[key])
            elif key == "recipients":
                from desktop_app.meals.ui.recipients import RecipientsTab

                widget = RecipientsTab(self.ctx, self.day, self._holders[key])
            elif key == "accounts":
                from desktop_app.meals.ui.accounts import AccountsTab

                widget = AccountsTab(self.ctx, self._holders[key])
            else:
                from desktop_app.meals.ui.samples import SamplesTab

                widget = SamplesTab(self.ctx, self._holders[key])
            self._holders[key].layout().addWidget(widget)
            widget.show()  # at once, not when the event loop next runs (a tab built for a caller that uses it now)
            self._built[key] = widget
        return self._built[key]

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentWidget(self._holders[key])
        return self.tab(key)

    @property
    def day(self):
        return self.tab("day")

    @property
    def recipients(self):
        return self.tab("recipients")

    @property
    def accounts(self):
        return self.tab("accounts")

    @property
    def samples(self):
        return self.tab("samples")

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return
        key = self.TABS[index]
        if key not in self._built:
            self.tab(key)  # reads its data as it is built
        elif key == "day":
            self.day.refresh()
        elif key == "accounts":
            self.accounts.refresh_low()
        elif key == "samples":
            self.samples.refresh()
