"""Builders for roster tests: residents of given ages made volunteers of a patrol team."""

from __future__ import annotations

from datetime import date

from desktop_app import residents as residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate
from desktop_app.rosters import teams

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "秀英桂兰建国玉兰志强淑珍德明凤英国华永红"


def make_team(engine, actor, *, members: int = 12, leaders: int = 3, ages=None, name: str = "小红帽巡逻队",
              today: date = date(2026, 11, 1)) -> tuple[int, list[int]]:
    """A patrol team with ``members`` volunteers (the first ``leaders`` lead); returns (team_id, volunteer ids)."""
    ages = ages or [62 + (i % 12) for i in range(members)]
    with session_scope(engine) as s:
        team = teams.create_team(s, actor=actor, name=name, grid="一网格", route="逍遥津小区一圈")
        vids = []
        for i in range(members):
            born = date(today.year - ages[i], 3, 1 + i % 27)
            r = residents.create_resident(s, actor=actor, data=ResidentCreate(
                name=SURNAMES[(i + len(name)) % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + GIVEN[(i * 7 + 3) % len(GIVEN)],
                birth_date=born), today=today)
            v = teams.add_volunteer(s, actor=actor, resident_id=r.id, team_id=team.id,
                                      role="team_leader" if i < leaders else "member")
            vids.append(v.id)
        return team.id, vids
