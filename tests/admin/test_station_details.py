"""On a sub-district server the station's details and papers are the signed-in person's station's."""

from __future__ import annotations

from pypdf import PdfReader
from sqlmodel import select

from desktop_app import rosters
from desktop_app import settings as opts
from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.rosters import pdf as roster_pdf


def test_a_stations_admin_edits_their_own_station_and_the_audit_says_so(engine, two_stations):
    t = two_stations
    b_admin = t.actor("admin", t.b)
    with session_scope(engine) as s:
        before = opts.station_details(s, t.b)
        changed = opts.update_station_details(s, actor=b_admin, details=opts.StationDetails(
            before.name, before.code, "逍遥津街道", "琥珀山庄5栋", "0551-6000000"))
    assert changed.address == "琥珀山庄5栋"
    with session_scope(engine, write=False) as s:
        assert opts.station_details(s, t.a).address == ""  # the first station is untouched
        assert opts.station_details(s, t.b).name == t.names[t.b]
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity == "station").order_by(AuditEntry.id.desc())).first()
    assert entry.entity_id == str(t.b)
    assert t.names[t.b] in (entry.before or "") and "琥珀山庄5栋" in (entry.after or "")


def test_a_stations_monthly_roster_carries_its_name(engine, two_stations, tmp_path):
    t = two_stations
    b_admin = t.actor("admin", t.b)
    with session_scope(engine) as s:
        team = rosters.create_team(s, actor=b_admin, name="琥珀巡逻队", grid="琥珀第一网格")
    with session_scope(engine, write=False) as s:
        out = roster_pdf.monthly_roster(s, actor=b_admin, team_id=team.id, year=2026, month=3, path=tmp_path / "r.pdf")
    text = PdfReader(str(out)).pages[0].extract_text()
    assert t.names[t.b] in text and t.names[t.a] not in text
