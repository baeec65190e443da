"""What people read for the feature's states: translated labels (kinds of team, roles, shifts, finding
categories, why someone cannot cover), and the Chinese names kept as data whatever the UI language (a
finding handed to the desk, the service an hours certificate states).
"""

from __future__ import annotations

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.rosters.problem import PERIOD_LABELS

KIND_LABELS = {
    "patrol": QT_TRANSLATE_NOOP("Rosters", "patrol"),
    "meal_delivery": QT_TRANSLATE_NOOP("Rosters", "meal delivery"),
    "garbage_sorting": QT_TRANSLATE_NOOP("Rosters", "garbage sorting"),
    "elderly_care": QT_TRANSLATE_NOOP("Rosters", "elderly care"),
    "other": QT_TRANSLATE_NOOP("Rosters", "other"),
}
ROLE_LABELS = {
    "team_leader": QT_TRANSLATE_NOOP("Rosters", "team leader"),
    "member": QT_TRANSLATE_NOOP("Rosters", "member"),
}
CATEGORY_LABELS = {
    "safety_hazard": QT_TRANSLATE_NOOP("Rosters", "safety hazard"),
    "illegal_parking": QT_TRANSLATE_NOOP("Rosters", "illegal parking"),
    "ebike_charging": QT_TRANSLATE_NOOP("Rosters", "e-bike charging in a stairwell"),
    "facility_damage": QT_TRANSLATE_NOOP("Rosters", "facility damage"),
    "sanitation": QT_TRANSLATE_NOOP("Rosters", "sanitation"),
    "other": QT_TRANSLATE_NOOP("Rosters", "other finding"),
}

# Chinese names stored with records (a finding's desk record) whatever the UI language.
CATEGORY_ZH = {
    "safety_hazard": "安全隐患", "illegal_parking": "乱停放", "ebike_charging": "电动车楼道充电",
    "facility_damage": "设施损坏", "sanitation": "环境卫生", "other": "其他",
}
SERVICE_CONTENT_ZH = {  # what a kind of team's volunteers did, as an hours certificate states it
    "patrol": "社区治安巡逻", "meal_delivery": "老年助餐送餐", "garbage_sorting": "垃圾分类宣传指导",
    "elderly_care": "关爱老人志愿服务", "other": "社区志愿服务",
}

BLOCKER_TEXT = {
    "two_a_day": QT_TRANSLATE_NOOP("Rosters", "already patrols that day"),
    "evening_then_morning": QT_TRANSLATE_NOOP("Rosters", "evening and next morning"),
    "week_limit": QT_TRANSLATE_NOOP("Rosters", "weekly limit reached"),
    "month_limit": QT_TRANSLATE_NOOP("Rosters", "monthly limit reached"),
    "leave": QT_TRANSLATE_NOOP("Rosters", "on leave"),
    "availability": QT_TRANSLATE_NOOP("Rosters", "not available then"),
    "no_evenings": QT_TRANSLATE_NOOP("Rosters", "no evening patrols"),
    "not_qualified": QT_TRANSLATE_NOOP("Rosters", "lacks a qualification the patrol requires"),
}


def blocker_text(code: str) -> str:
    return translate("Rosters", BLOCKER_TEXT.get(code, code))


def period_label(period: str) -> str:
    return translate("Periods", PERIOD_LABELS.get(period, period))


def kind_label(kind: str) -> str:
    return translate("Rosters", KIND_LABELS.get(kind, kind))


def role_label(role: str) -> str:
    return translate("Rosters", ROLE_LABELS.get(role, role))


def category_label(category: str) -> str:
    return translate("Rosters", CATEGORY_LABELS.get(category, category))


# Reasons the program itself writes in the hours ledger (a person's own reasons are shown as typed).
REASON_TEXT = {
    "check-out": QT_TRANSLATE_NOOP("Rosters", "checked out"),
    "planned": QT_TRANSLATE_NOOP("Rosters", "patrol closed: planned time"),
    "auto-closed": QT_TRANSLATE_NOOP("Rosters", "no check-out: closed at the scheduled end"),
}


def reason_label(reason: str) -> str:
    return translate("Rosters", REASON_TEXT[reason]) if reason in REASON_TEXT else reason
