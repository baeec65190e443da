"""A year's holidays from the State Council's notice (国务院办公厅关于××××年部分节假日安排的通知), pasted as
text, or from an installed chinese-calendar release that covers the year.

The notice's items read like

    二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
    一、元旦：1月1日（周三）放假1天，不调休。
    六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。

(full-width or half-width punctuation, 周二 or 星期二, with or without the enumerators and line breaks).
Days off are the dates of the sentence that says 放假 (a range with 至, or one day); adjusted workdays the
dates of a sentence ending in 上班; every other sentence (鼓励……安排职工在除夕（2月9日）休息) is left alone.
What the notice says is checked against the calendar before anything is shown: the weekday in brackets,
"共N天", adjusted workdays on a weekend. Qt-free and database-free: ``parse_notice`` gives the days, the
admin page shows them for confirmation, ``core.workdays`` writes them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

F_NOTICE = QT_TRANSLATE_NOOP("Fields", "Notice text")
F_YEAR = QT_TRANSLATE_NOOP("Fields", "Year")

_ZH_WEEKDAYS = "一二三四五六日"
_DATE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日\s*(?:\((?P<note>[^)]*)\))?")
_ITEM_START = re.compile(r"(?:^|\n|(?<=。))\s*[一二三四五六七八九十]+、")
_DAYS_SAID = re.compile(r"(?:共|放假)(\d+)天")
_WEEKDAY_SAID = re.compile(r"(?:周|星期)([一二三四五六日天])")
_YEAR_OF_NOTICE = re.compile(r"(20\d\d)年(?:部分)?节假日")


@dataclass(frozen=True)
class NoticeItem:
    """One festival of the notice: its name, the days off and the adjusted workdays."""

    name: str
    days_off: tuple[date, ...]
    workdays: tuple[date, ...]


@dataclass(frozen=True)
class Notice:
    year: int
    items: tuple[NoticeItem, ...]

    @property
    def holidays(self) -> list[tuple[date, str]]:
        return sorted((d, it.name) for it in self.items for d in it.days_off)

    @property
    def workdays(self) -> list[tuple[date, str]]:
        return sorted((d, f"{it.name}调休") for it in self.items for d in it.workdays)


def notice_year(text: str) -> int | None:
    """The year a pasted notice is about, when its title or first line says (2027年部分节假日安排)."""
    m = _YEAR_OF_NOTICE.search(unicodedata.normalize("NFKC", text or ""))
    return int(m.group(1)) if m else None


def _items(text: str) -> list[tuple[str, str]]:
    """(name, body) of each festival item: "二、春节：……" or a line "春节：……"."""
    parts = _ITEM_START.split(text)
    if len(parts) == 1:  # no enumerators: one item a line
        parts = text.splitlines()
    out = []
    for part in parts:
        part = part.strip()
        if ":" not in part:
            continue
        name, body = part.split(":", 1)
        name = name.strip().replace(",", "、")
        if not name or len(name) > 20 or not _DATE.search(body):
            continue  # the preamble (经国务院批准，现将……通知如下:) and the closing words have no dated item
        out.append((name, body))
    return out


def _date_of(m: re.Match, year: int, month: int | None) -> tuple[date, int]:
    y = int(m.group("y")) if m.group("y") else year
    mo = int(m.group("m")) if m.group("m") else month
    if mo is None:
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP("Errors", "“{found}” has a day without its month; write it as 2月6日."),
                              found=m.group(0))
    try:
        return date(y, mo, int(m.group("d"))), mo
    except ValueError:
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP("Errors", "“{found}” is not a date of {year}."),
                              found=m.group(0), year=y) from None


def _check_weekday(m: re.Match, day: date, year: int) -> None:
    said = _WEEKDAY_SAID.search(m.group("note") or "")
    if said is None:
        return
    wanted = _ZH_WEEKDAYS.index("日" if said.group(1) == "天" else said.group(1))
    if day.weekday() != wanted:
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP(
            "Errors", "the notice says {found} is a 星期{said}, but in {year} it is a 星期{real}: is the year right?"),
            found=m.group(0), said=said.group(1), year=year, real=_ZH_WEEKDAYS[day.weekday()])


def _days_off(name: str, sentence: str, year: int) -> list[date]:
    head = sentence.split("放假", 1)[0]
    found = list(_DATE.finditer(head))
    if not found:
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP("Errors", "{name}: no date before 放假 in “{found}”."),
                              name=name, found=sentence[:60])
    first, month = _date_of(found[0], year, None)
    _check_weekday(found[0], first, first.year)
    last = first
    if len(found) > 1 and "至" in head[found[0].end():found[1].start()]:
        last, _m = _date_of(found[1], first.year, month)
        if last < first and not found[1].group("y"):
            last = last.replace(year=last.year + 1)  # 12月31日至1月2日: the range runs into the next year
        _check_weekday(found[1], last, last.year)
    if last < first or (last - first).days > 30:
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP("Errors", "{name}: “{found}” is not a range of days."),
                              name=name, found=head[:60])
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    said = _DAYS_SAID.search(sentence)
    if said and int(said.group(1)) != len(days):
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP(
            "Errors", "{name}: {start} to {end} is {n} days, but the notice says 共{said}天; check the dates."),
            name=name, start=first.isoformat(), end=last.isoformat(), n=len(days), said=said.group(1))
    return days


def _adjusted_workdays(name: str, sentence: str, year: int) -> list[date]:
    out = []
    month = None
    for m in _DATE.finditer(sentence):
        day, month = _date_of(m, year, month)
        _check_weekday(m, day, day.year)
        if day.weekday() < 5:
            raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP(
                "Errors", "{name}: {day} is a weekday already; an adjusted workday (上班) is a Saturday or Sunday."),
                name=name, day=day.isoformat())
        out.append(day)
    return out


def parse_notice(text: str, year: int | None = None) -> Notice:
    """The days off and adjusted workdays of a pasted notice. ``year``: the year box; None takes the year
    the notice names (2027年部分节假日安排). Raises ValidationError saying which line is wrong and why."""
    text = unicodedata.normalize("NFKC", text or "").replace("\r", "\n")
    year = year or notice_year(text)
    if year is None:
        raise ValidationError(F_YEAR, QT_TRANSLATE_NOOP("Errors", "choose the year the notice is for."))
    if not 2000 <= year <= 2100:
        raise ValidationError(F_YEAR, QT_TRANSLATE_NOOP("Errors", "choose a year between 2000 and 2100."))
    items = []
    seen: dict[date, str] = {}
    for name, body in _items(text):
        off: list[date] = []
        work: list[date] = []
        for sentence in re.split(r"[。;\n]", body):
            sentence = sentence.strip()
            if not sentence:
                continue
            if "放假" in sentence and not off:
                off = _days_off(name, sentence, year)
                rest = sentence.split("放假", 1)[1]
                if rest.rstrip(",、 ").endswith("上班"):  # "……共7天,2月14日上班" in one sentence
                    work.extend(_adjusted_workdays(name, rest.split(",")[-1] if "," in rest else rest, year))
            elif sentence.rstrip(",、 ").endswith("上班"):
                work.extend(_adjusted_workdays(name, sentence, year))
        if not off and not work:
            continue
        for d in (*off, *work):
            if d in seen:
                raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP("Errors", "{day} appears under both {first} and {second}."),
                                      day=d.isoformat(), first=seen[d], second=name)
            seen[d] = name
        items.append(NoticeItem(name[:40], tuple(off), tuple(sorted(work))))
    if not any(it.days_off for it in items):
        raise ValidationError(F_NOTICE, QT_TRANSLATE_NOOP(
            "Errors", "no holiday found. Paste the notice's items, e.g. “春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。”"))
    return Notice(year, tuple(items))


# --- chinese-calendar --------------------------------------------------------------------------------

_CC_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节", "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}


def _cc_name(value) -> str:
    text = str(value.value) if hasattr(value, "value") else str(value)
    return _CC_NAMES.get(text, text)


def chinese_calendar_years() -> tuple[int, int] | None:
    """(first, last) year the installed chinese-calendar package covers, or None when it is not installed."""
    try:
        import chinese_calendar
    except ImportError:
        return None
    days = list(chinese_calendar.holidays)
    return (min(days).year, max(days).year) if days else None


def from_chinese_calendar(year: int) -> Notice | None:
    """The year as the installed chinese-calendar release has it (a release newer than the app's reference
    data may cover a later year); None when it does not cover ``year``."""
    covered = chinese_calendar_years()
    if covered is None or not covered[0] <= year <= covered[1]:
        return None
    import chinese_calendar

    by_name: dict[str, tuple[list[date], list[date]]] = {}
    for day, value in chinese_calendar.holidays.items():
        if day.year == year:
            by_name.setdefault(_cc_name(value), ([], []))[0].append(day)
    for day, value in chinese_calendar.workdays.items():
        if day.year == year and day.weekday() >= 5:
            by_name.setdefault(_cc_name(value), ([], []))[1].append(day)
    if not any(off for off, _w in by_name.values()):
        return None
    items = [NoticeItem(name, tuple(sorted(off)), tuple(sorted(work))) for name, (off, work) in by_name.items()]
    items.sort(key=lambda it: min((*it.days_off, *it.workdays)))
    return Notice(year, tuple(items))
