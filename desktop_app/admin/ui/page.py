"""Administration page: staff accounts, holiday calendar (enter a new year's notice), audit log, data safety.

Each tab is built when first shown (ui.widgets.LazyTabs); the data safety tab when the build has the safety
feature."""

from __future__ import annotations

from desktop_app import features
from desktop_app.admin.ui.audit_tab import AuditTab
from desktop_app.admin.ui.calendar_tab import CalendarTab
from desktop_app.admin.ui.staff_tab import StaffTab
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import LazyTabs


def _has_safety() -> bool:
    return "safety" in features.enabled_keys()


class AdminPage(LazyTabs):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.add_tab("staff", self.tr("Staff accounts"), lambda: StaffTab(ctx))
        self.add_tab("calendar", self.tr("Holidays and adjusted workdays"), lambda: CalendarTab(ctx))
        self.add_tab("audit", self.tr("Audit log"), lambda: AuditTab(ctx))
        if _has_safety():
            from desktop_app.admin.ui.safety_tab import SafetyTab

            self.add_tab("safety", self.tr("Data safety"), lambda: SafetyTab(ctx))

    @property
    def staff(self) -> StaffTab:
        return self.tab("staff")

    @property
    def calendar(self) -> CalendarTab:
        return self.tab("calendar")

    @property
    def audit(self) -> AuditTab:
        return self.tab("audit")

    @property
    def safety(self):
        """The data safety tab, or None when the build has no safety feature."""
        return self.tab("safety") if _has_safety() else None
