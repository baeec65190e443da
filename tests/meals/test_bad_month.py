"""Month papers refuse an impossible month with a message (found by fuzzing: it used to crash)."""

import pytest

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.meals.statements import claim_details, month_statements, subsidy_claim


@pytest.mark.parametrize(("year", "month"), [(0, 1), (2026, 13), (10000, 5)])
def test_month_papers_refuse_bad_months(engine, admin, year, month):
    for fn in (month_statements, subsidy_claim, claim_details):
        with pytest.raises(ValidationError), session_scope(engine, write=False) as s:
            fn(s, actor=admin, year=year, month=month)
