"""The roster subcommands, called as the CLI calls them."""

from __future__ import annotations

import argparse
from datetime import date

from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.rosters import cli
from desktop_app.rosters.models import Assignment, Shift

from .helpers import make_team


def test_roster_solve_dry_run_then_save_and_text(qapp, engine, admin, db_arg, capsys, monkeypatch):
    make_team(engine, admin, members=30, leaders=12)
    args = argparse.Namespace(db=db_arg, month="2027-01", team="小红帽巡逻队", seconds=0.5, dry_run=True, user=None)
    assert cli.cmd_solve(args) == 0
    out = capsys.readouterr().out
    assert "shifts created 93" in out and "patrols short 0" in out and "dry run" in out
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(Shift)).all()) == 93 and s.exec(select(Assignment)).all() == []
    args.dry_run = False
    assert cli.cmd_solve(args) == 0
    assert "shifts created 0" in capsys.readouterr().out
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(Assignment)).all()) >= 186
    assert cli.cmd_text(argparse.Namespace(db=db_arg, date=date(2027, 1, 4), team=None)) == 0
    text = capsys.readouterr().out
    assert text.startswith("[小红帽巡逻队] 1/4 Monday patrols") and " (leader)" in text
    from desktop_app.cli import main
    from desktop_app.ui import translation

    try:  # the command in Chinese, as a station pastes it into the team's WeChat group
        assert main(["roster-text", "--db", db_arg, "--date", "2027-01-04", "--lang", "zh_CN"]) == 0
    finally:
        translation.install(qapp, "en")
    text = capsys.readouterr().out
    assert text.startswith("【小红帽巡逻队】1月4日 星期一 巡逻安排") and "（队长）" in text
