"""meals.figures: meals ordered and served, welfare checks, subsidies and recipients per station and month."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app import residents
from desktop_app.core.db import session_scope
from desktop_app.core.periods import Period
from desktop_app.meals import deliveries, figures, orders, statements
from desktop_app.residents.models import ResidentCreate

from .helpers import MONDAY, local, make_recipient


def test_meal_figures_by_station_and_month(engine, two_stations, people):
    st = two_stations
    a, b, office = st.actor("admin", st.a), st.actor("admin", st.b), st.office
    with session_scope(engine) as s:
        far = residents.create_resident(s, actor=b, data=ResidentCreate(
            name="钱玉珍", birth_date=date(1938, 3, 3), compound="琥珀山庄", building="5", room="202",
            phone="13905519999", emergency_contact="钱小林", emergency_phone="13800000009")).id
    wang = make_recipient(engine, a, people["王秀英"], top_up=50000)
    li = make_recipient(engine, a, people["李建国"], top_up=50000)
    qian = make_recipient(engine, b, far, top_up=50000)
    with session_scope(engine) as s:
        orders.generate_orders(s, actor=office, day=MONDAY, meals=("lunch",))
        deliveries.record_outcome(s, actor=a, recipient_id=wang, day=MONDAY, meal="lunch", outcome="delivered", at=local(MONDAY, 11, 30))
        deliveries.record_outcome(s, actor=a, recipient_id=li, day=MONDAY, meal="lunch", outcome="not_home", at=local(MONDAY, 11, 40))
        deliveries.record_outcome(s, actor=b, recipient_id=qian, day=MONDAY, meal="lunch", outcome="delivered", at=local(MONDAY, 11, 50))
    month = Period.month_of(MONDAY)
    with session_scope(engine, write=False) as s:
        assert figures.today(s, actor=a, day=MONDAY) == figures.MealsToday(2, 1, 0, 1, 0)
        assert figures.today(s, actor=a, day=MONDAY + timedelta(days=1)) == figures.MealsToday(0, 0, 0, 1, 1)  # still open
        assert figures.today(s, actor=b, day=MONDAY) == figures.MealsToday(1, 1, 0, 0, 0)
        assert figures.today(s, actor=office, day=MONDAY) == figures.MealsToday(3, 2, 0, 1, 0)
        assert figures.today(s, actor=office, day=MONDAY, station_id=st.b).ordered == 1

        mine = figures.period_figures(s, actor=a, period=month)
        assert (mine.ordered, mine.served, mine.delivered, mine.dine_in, mine.not_home) == (2, 1, 1, 0, 1)
        assert (mine.welfare_checks, mine.welfare_open, mine.recipients_active) == (1, 1, 2)
        claim = statements.subsidy_claim(s, actor=a, year=MONDAY.year, month=MONDAY.month)
        assert mine.subsidy_fen == claim.total_fen > 0  # the report counts subsidies as the claim does
        everyone = figures.period_figures(s, actor=office, period=month)
        assert (everyone.ordered, everyone.recipients_active) == (3, 3)
        assert figures.period_figures(s, actor=a, period=month.previous_month()).ordered == 0

        key = f"{MONDAY:%Y-%m}"
        assert figures.served_by_month(s, actor=a, period=month) == {key: 1}
        assert figures.served_by_month(s, actor=office, period=month) == {key: 2}
        assert figures.served_by_month(s, actor=office, period=month, station_id=st.b) == {key: 1}
