"""The passports page at the desk (微笑护照): four tabs, each built the first time it is shown.

Passports (desk.py): issue/replace, stamp, correct, redeem; Activities (activities.py); Rewards
(rewards.py); Kiosk and wall (settings.py). Thin: every button calls one use case through ``ui.ops`` and
the one error policy shows the use case's message when it refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.core import clock
from desktop_app.ui.context import AppContext


def _desk(page):
    from desktop_app.passports.ui.desk import DeskTab

    return DeskTab(page)


def _activities(page):
    from desktop_app.passports.ui.activities import ActivitiesTab

    return ActivitiesTab(page)


def _rewards(page):
    from desktop_app.passports.ui.rewards import RewardsTab

    return RewardsTab(page)


def _settings(page):
    from desktop_app.passports.ui.settings import SettingsTab

    return SettingsTab(page)


class PassportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None, *, today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.tabs = QTabWidget(self)
        # key, builder: the tab's widget is made when the tab is first shown (titles below, same order)
        self._specs: list[tuple[str, Callable[[PassportsPage], QWidget]]] = [
            ("desk", _desk), ("activities", _activities), ("rewards", _rewards), ("settings", _settings)]
        self._built: dict[str, QWidget] = {}
        for title in (self.tr("Passports"), self.tr("Activities"), self.tr("Rewards"), self.tr("Kiosk and wall")):
            holder = QWidget(self.tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._shown)
        self.tab("desk")

    def today(self) -> date:
        return self._today() if self._today else clock.today()

    def tab(self, key: str) -> QWidget:
        """The tab ``key``, built now if it was not shown yet."""
        if key not in self._built:
            i = next(i for i, (k, _make) in enumerate(self._specs) if k == key)
            widget = self._specs[i][1](self)
            self._built[key] = widget
            self.tabs.widget(i).layout().addWidget(widget)
        return self._built[key]

    def show_tab(self, key: str) -> QWidget:
        i = next(i for i, (k, _make) in enumerate(self._specs) if k == key)
        self.tabs.setCurrentIndex(i)
        return self.tab(key)

    @property
    def desk(self):
        return self.tab("desk")

    @property
    def activities(self):
        return self.tab("activities")

    @property
    def rewards(self):
        return self.tab("rewards")

    @property
    def settings_tab(self):
        return self.tab("settings")

    def _shown(self, index: int) -> None:
        key = self._specs[index][0]
        if key in self._built:
            self._built[key].refresh()
        else:
            self.tab(key)  # a new tab reads its data as it is built

    def refresh(self) -> None:
        """The page is shown again (main window): read the current tab again."""
        self._shown(self.tabs.currentIndex())

    def changed(self) -> None:
        """Something was saved: every tab built so far reads its data again (stock, today's choices, …)."""
        for widget in self._built.values():
            widget.refresh()
