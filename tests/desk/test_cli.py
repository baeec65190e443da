"""Desk subcommands: figures for a period, the overdue list, recounting day figures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop_app.core.db import session_scope
from desktop_app.desk import visits


def test_figures_overdue_and_recount_commands(engine, admin, db_arg, capsys):
    from desktop_app.cli import main

    with session_scope(engine) as s:
        visits.create_record(s, actor=admin, category_code="consultation", summary="问社保", walk_in_name="甲",
                         received_at=datetime(2026, 3, 2, 9, tzinfo=UTC))
        visits.create_record(s, actor=admin, category_code="complaint", summary="噪音", walk_in_name="乙",
                         received_at=datetime.now(UTC) - timedelta(days=50))
    assert main(["desk-figures", "--db", db_arg, "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    out = capsys.readouterr().out
    total = [line for line in out.splitlines() if line.startswith("total")][0].split()
    assert total[1:3] == ["1", "1"] and "On-time rate: of the closed ones" in out
    assert main(["desk-overdue", "--db", db_arg]) == 0
    out = capsys.readouterr().out
    assert "噪音" in out and "overdue: 1" in out and "问社保" not in out
    assert main(["desk-recount", "--db", db_arg]) == 0
    assert "day figures recounted: 2" in capsys.readouterr().out
