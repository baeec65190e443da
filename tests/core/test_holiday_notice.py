"""Issue 18 item 1: a year's holidays from the State Council's notice pasted as text. The real 2025 and 2026
notices (国办发明电〔2024〕12号, 国办发明电〔2025〕7号) must give exactly the days of the reference calendar;
what the notice gets wrong (weekday, 共N天, a workday on a weekday) is refused with the line named."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core import holiday_notice
from desktop_app.core.errors import ValidationError
from desktop_app.core.holiday_notice import from_chinese_calendar, notice_year, parse_notice
from desktop_app.core.workdays import HOLIDAY, WORKDAY, read_reference

NOTICE_2025 = """国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周三）放假1天，不调休。
　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。
　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疾控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
2024年11月12日
"""

NOTICE_2026 = """一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。"""

# The 2024 notice's wording: 星期 instead of 周, a day "与周末连休", and an encouragement that is no holiday.
NOTICE_2024_SPRING = ("二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。"
                      "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。"
                      "一、元旦：1月1日放假，与周末连休。")


def _reference(year: int) -> tuple[list[date], list[date]]:
    rows = read_reference()
    return ([d for d, k, _n in rows if k == HOLIDAY and d.year == year],
            [d for d, k, _n in rows if k == WORKDAY and d.year == year])


@pytest.mark.parametrize(("text", "year"), [(NOTICE_2025, 2025), (NOTICE_2026, 2026)])
def test_the_real_notices_give_the_reference_calendar(text, year):
    notice = parse_notice(text, year if text is NOTICE_2026 else None)
    assert notice.year == year
    holidays, workdays = _reference(year)
    assert [d for d, _n in notice.holidays] == holidays
    assert [d for d, _n in notice.workdays] == workdays


def test_names_come_from_the_items():
    notice = parse_notice(NOTICE_2025)
    names = dict(notice.holidays)
    assert names[date(2025, 1, 28)] == "春节" and names[date(2025, 10, 6)] == "国庆节、中秋节"
    assert dict(notice.workdays)[date(2025, 2, 8)] == "春节调休"
    assert [it.name for it in notice.items] == ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节、中秋节"]


def test_older_wording_and_sentences_that_are_no_holiday():
    notice = parse_notice(NOTICE_2024_SPRING, 2024)
    assert [d for d, _n in notice.holidays] == [date(2024, 1, 1)] + [date(2024, 2, d) for d in range(10, 18)]
    assert [d for d, _n in notice.workdays] == [date(2024, 2, 4), date(2024, 2, 18)]


def test_the_issue_line_on_its_own_and_half_width_punctuation():
    line = "春节：2月6日至12日放假调休，共7天。2月14日（星期日）、2月20日（星期六）上班。"
    notice = parse_notice(line, 2027)
    assert [d for d, _n in notice.holidays] == [date(2027, 2, d) for d in range(6, 13)]
    assert [d for d, _n in notice.workdays] == [date(2027, 2, 14), date(2027, 2, 20)]
    assert parse_notice("春节:2月6日至12日放假调休,共7天,2月14日(星期日)、2月20日(星期六)上班", 2027) == notice


def test_a_range_over_new_year_and_explicit_years():
    notice = parse_notice("元旦：2022年12月31日至2023年1月2日放假调休，共3天。", 2023)
    assert [d for d, _n in notice.holidays] == [date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2)]


@pytest.mark.parametrize(("text", "year", "says"), [
    ("春节：2月6日至12日放假调休，共7天。2月14日（星期六）上班。", 2027, "is a 星期六, but in 2027 it is a 星期日"),
    ("春节：2月6日至12日放假调休，共8天。", 2027, "is 7 days, but the notice says 共8天"),
    ("春节：2月6日至12日放假调休，共7天。2月15日上班。", 2027, "is a weekday already"),
    ("春节：2月30日放假。", 2027, "is not a date of 2027"),
    ("会议通知：请于下午三点到会。", 2027, "no holiday found"),
    ("春节：2月6日至12日放假。\n元旦：2月8日放假。", 2027, "appears under both 春节 and 元旦"),
    ("春节：2月6日至12日放假调休，共7天。", None, "choose the year"),
])
def test_what_the_notice_gets_wrong_is_refused_with_the_line(text, year, says):
    with pytest.raises(ValidationError) as err:
        parse_notice(text, year)
    assert says in str(err.value)


def test_the_year_comes_from_the_title_when_not_chosen():
    assert notice_year(NOTICE_2025) == 2025
    assert notice_year("春节：2月6日放假") is None


@given(st.text(alphabet=st.sampled_from(list("一二、：:（）()月日至年放假调休共天上班。,，0123456789周星期春节\n ")), max_size=120),
       st.integers(min_value=1990, max_value=2110))
def test_any_text_is_read_or_refused_with_a_validation_error(text, year):
    try:
        notice = parse_notice(text, year)
    except ValidationError:
        return
    assert notice.holidays and all(isinstance(d, date) for d, _n in notice.holidays)
    assert all(d.weekday() >= 5 for d, _n in notice.workdays)


def test_a_newer_chinese_calendar_release_covers_a_later_year(monkeypatch):
    import chinese_calendar

    assert from_chinese_calendar(2030) is None  # the installed release stops before
    first, last = holiday_notice.chinese_calendar_years()
    assert first <= 2026 <= last
    notice = from_chinese_calendar(2026)
    holidays, workdays = _reference(2026)
    assert [d for d, _n in notice.holidays] == holidays and [d for d, _n in notice.workdays] == workdays
    # a release that knows 2030 (as a newer chinese-calendar would)
    monkeypatch.setitem(chinese_calendar.holidays, date(2030, 2, 3), chinese_calendar.Holiday.spring_festival.value)
    monkeypatch.setitem(chinese_calendar.holidays, date(2030, 2, 4), chinese_calendar.Holiday.spring_festival.value)
    monkeypatch.setitem(chinese_calendar.workdays, date(2030, 2, 9), chinese_calendar.Holiday.spring_festival.value)
    later = from_chinese_calendar(2030)
    assert later.holidays == [(date(2030, 2, 3), "春节"), (date(2030, 2, 4), "春节")]
    assert later.workdays == [(date(2030, 2, 9), "春节调休")]
