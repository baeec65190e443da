"""The audit chain on a sub-district server (issues 19 and 22): a station's login sees only its own station's
entries (and those of no station), yet its chain's first keyed entry must link to the last entry of the first
edition in the whole database — recorded once by the upgrade (migration security_0002, audit_meta) — and its
own check must not call what it cannot see deleted."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.core import audit
from desktop_app.core.db import rls, session_scope
from desktop_app.core.models import AuditEntry, Station


def first_edition_entries(owner, stations: list[int]) -> str:
    """Unkeyed entries as the first edition wrote them (one chain for the database, in id order), and what the
    upgrade records about them. Returns the last one's hash."""
    prev = ""
    with owner.begin() as conn:
        for i, station in enumerate(stations, start=1):
            entry = AuditEntry(at=datetime(2025, 1, i, 8, tzinfo=UTC), actor_id=1, actor_name="admin", station_id=station,
                               chain=station or 0, action="update", entity="note", entity_id=str(i), after=f'{{"n": {i}}}',
                               prev_hash=prev, scheme=audit.LEGACY, hash="")
            entry.hash = audit._legacy_digest(entry)
            conn.execute(AuditEntry.__table__.insert().values(
                at=entry.at, actor_id=1, actor_name="admin", station_id=station, chain=station or 0, action="update",
                entity="note", entity_id=str(i), after=entry.after, prev_hash=prev, scheme=audit.LEGACY,
                hash=entry.hash, key_id="", subject=""))
            prev = entry.hash
        conn.exec_driver_sql("DELETE FROM audit_meta WHERE name IN ('legacy_head', 'legacy_count')")
        conn.exec_driver_sql(f"INSERT INTO audit_meta (name, value) VALUES ('legacy_head', '{prev}'), "
                             f"('legacy_count', '{len(stations)}')")
    return prev


def test_a_new_stations_login_links_its_chain_to_the_databases_last_old_entry(subdistrict):
    sd = subdistrict
    with session_scope(sd.owner) as s:
        c = Station(name="三孝口社区红色驿站", code="SXK")
        s.add(c)
        s.flush()
        c_id = c.id
    with sd.owner.begin() as conn:
        role = f"t_c_{c_id}{sd.database}"
        sd.logins["c"] = (role, rls.create_login(conn, role=role, kind="station", station_id=c_id))
    last_old = first_edition_entries(sd.owner, [sd.b, None, sd.a])  # the newest is station a's: hidden from c
    engine = sd.engine("c")
    with session_scope(engine) as s:
        from desktop_app.core import auth

        admin = auth.create_first_admin(s, station_name="三孝口社区红色驿站", username="admin-c", display_name="刘站长",
                                        password="admin-pass-3", station_code="SXK")
    with session_scope(engine, write=False) as s:
        first = s.exec(AuditEntry.__table__.select().where(AuditEntry.chain == c_id, AuditEntry.seq == 1)).one()
        mine = audit.verify(s)
    assert admin.station_id == c_id
    assert first.prev_hash == last_old  # not "" nor the last old entry it can see (the one of no station)
    ours = [p for p in mine.problems if f"station {c_id}" in p or "before the keyed chain" in p or "audit entry" in p]
    assert ours == [], mine.problems
    with session_scope(sd.owner, write=False) as s:  # the owner sees the whole log: c's chain follows it
        whole = audit.verify(s).problems
    # (the fixture's chains began before these first-edition entries were put in; only c's is asked about)
    assert [p for p in whole if f"station {c_id}" in p or "before the keyed chain" in p] == [], whole
