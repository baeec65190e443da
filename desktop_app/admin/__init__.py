"""Administration: staff accounts, the holiday calendar, the audit log; the page hosts data safety's dialogs.

Its use cases (nothing else in the app needs them; the page and the tests do)."""

from desktop_app.admin.audit_log import audit_page, verify_audit_chain
from desktop_app.admin.holidays import (
    CalendarPlan,
    CalendarPreview,
    apply_calendar_change,
    calendar_days,
    calendar_year,
    chinese_calendar_notice,
    day_plan,
    enter_notice,
    notice_plan,
    preview_calendar_change,
    read_notice,
    set_calendar_day,
    year_complete_plan,
)
from desktop_app.admin.staff import ALL_STATIONS, add_staff, set_staff_active, staff_accounts

__all__ = ["ALL_STATIONS", "CalendarPlan", "CalendarPreview", "add_staff", "apply_calendar_change", "audit_page", "calendar_days",
           "calendar_year", "chinese_calendar_notice", "day_plan", "enter_notice", "notice_plan",
           "preview_calendar_change", "read_notice", "set_calendar_day", "set_staff_active", "staff_accounts",
           "verify_audit_chain", "year_complete_plan"]
