"""meals-day and meals-check from the command line."""

from __future__ import annotations

from pypdf import PdfReader
from sqlalchemy import text

from desktop_app.cli import main
from desktop_app.core.db import session_scope

from .helpers import make_recipient


def test_meals_day_writes_route_sheets_and_check_passes(engine, admin, people, db_arg, tmp_path, capsys):
    make_recipient(engine, admin, people["王秀英"], top_up=50000)
    make_recipient(engine, admin, people["李建国"])  # no money, no credit: refused
    out = tmp_path / "papers"
    assert main(["--db", db_arg, "meals-day", "--date", "2026-03-02", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "new orders 1" in printed and "balance too low: 李建国" in printed
    text_ = PdfReader(str(out / "Route sheets-2026-03-02-lunch.pdf")).pages[0].extract_text()
    assert "王秀英" in text_
    assert main(["--db", db_arg, "meals-check"]) == 0
    assert "problems: 0" in capsys.readouterr().out


def test_meals_check_finds_a_wrong_snapshot(engine, admin, people, db_arg, capsys):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=50000)
    with session_scope(engine) as s:
        from desktop_app.meals.accounts import snapshot_balances

        snapshot_balances(s)
        s.execute(text("UPDATE meal_balance_snapshot_row SET balance_fen = 1 WHERE recipient_id = :r"), {"r": rid})
    assert main(["--db", db_arg, "meals-check"]) == 1
    assert "ledger sums to 50000 fen" in capsys.readouterr().out
