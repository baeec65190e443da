"""Stations isolated by PostgreSQL (issue 22 item 2): a station's database credentials read and write only that
station's rows — with plain SQL and psql, not only through SmileDesk."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop_app.core.db import rls, session_scope

pytestmark = pytest.mark.slow  # a PostgreSQL server of its own


def _scalar(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _tables(engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.relname, array_agg(a.attname::text) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' GROUP BY c.relname")).all()
    return {t: rls.classify(t, set(cols)) for t, cols in rows if t != rls.LOGIN_TABLE}


def test_every_table_is_classified_and_every_station_table_has_row_level_security(subdistrict):
    owner = subdistrict.owner
    kinds = _tables(owner)
    assert "unknown" not in kinds.values(), [t for t, k in kinds.items() if k == "unknown"]
    with owner.connect() as conn:
        secured = {r[0] for r in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                                   "AND rowsecurity"))}
    assert secured == {t for t, k in kinds.items() if k != "global"}


def test_a_station_login_reads_only_its_own_rows_with_plain_sql(subdistrict):
    sd = subdistrict
    with session_scope(sd.owner) as s:  # something in every kind of table: desk records with their events
        from desktop_app.desk import visits

        for who in ("desk-a", "desk-b"):
            visits.create_record(s, actor=sd.actors[who], category_code="request", summary="楼道灯坏了",
                                 walk_in_name="张三")
    a = sd.engine("a")
    names = {r[0] for r in a.connect().execute(text("SELECT name FROM resident"))}
    assert names == {"李明", "李华"}
    assert {r[0] for r in a.connect().execute(text("SELECT username FROM staff_user"))} == {"admin-a", "desk-a"}
    assert {r[0] for r in a.connect().execute(text("SELECT id FROM station"))} == {sd.a}
    for table, kind in _tables(sd.owner).items():
        if kind == "station":
            shared = (" AND station_id IS NOT NULL" if table in rls.SHARED_WHEN_NULL | {rls.SYSTEM_CHAIN}
                      else "")
            assert _scalar(a, f"SELECT count(*) FROM {table} WHERE station_id <> :a{shared}", a=sd.a) == 0, table
            assert _scalar(a, f"SELECT count(*) FROM {table} WHERE station_id IS NULL") == 0 or shared, table
    # tables that hang off a parent: the other station's search keys and desk events are invisible
    assert _scalar(a, "SELECT count(*) FROM resident_search_key WHERE resident_id IN (:b1, :b2)",
                   b1=sd.residents["b1"], b2=sd.residents["b2"]) == 0
    assert _scalar(a, "SELECT count(*) FROM resident_search_key") > 0
    assert _scalar(a, "SELECT count(*) FROM service_event") == 1
    assert _scalar(sd.owner, "SELECT count(*) FROM service_event") == 2
    # reference data is shared
    assert _scalar(a, "SELECT count(*) FROM desk_category") > 0
    # the office reads every station; roll-up reads every station and writes nothing
    office, rollup = sd.engine("office"), sd.engine("rollup")
    assert _scalar(office, "SELECT count(*) FROM resident") == 4
    assert _scalar(rollup, "SELECT count(*) FROM resident") == 4
    with pytest.raises(DBAPIError, match="permission denied"), rollup.begin() as conn:
        conn.execute(text("UPDATE resident SET notes = 'x'"))


def test_a_station_login_cannot_write_another_stations_rows_or_change_the_rules(subdistrict):
    sd = subdistrict
    a = sd.engine("a")
    with a.begin() as conn:  # another station's rows do not exist for it: nothing is changed
        assert conn.execute(text("UPDATE resident SET name = '改' WHERE id = :b"), {"b": sd.residents["b1"]}).rowcount == 0
        assert conn.execute(text("DELETE FROM staff_user WHERE username = 'admin-b'")).rowcount == 0
        # the database's identity (what every chain's keys are bound to) is read, never changed
        assert conn.execute(text("UPDATE audit_meta SET value = 'x'")).rowcount == 0
        assert conn.execute(text("DELETE FROM audit_meta")).rowcount == 0
    assert _scalar(sd.owner, "SELECT name FROM resident WHERE id = :b", b=sd.residents["b1"]) == "李强"
    refused = [
        ("INSERT INTO resident (station_id, name, gender, id_number, phone, community, compound, building, unit, room,"
         " grid, lives_alone, disabled, extreme_hardship, minimum_living_allowance, party_member, veteran,"
         " emergency_contact, emergency_phone, notes, sort_key, erased, created_at, updated_at, version)"
         " SELECT :b, name, gender, '', phone, community, compound, building, unit, room, grid, lives_alone, disabled,"
         " extreme_hardship, minimum_living_allowance, party_member, veteran, emergency_contact, emergency_phone,"
         " notes, sort_key, erased, created_at, updated_at, version FROM resident LIMIT 1", "row-level security"),
        ("UPDATE resident SET station_id = :b", "row-level security"),  # moving its rows to another station
        ("UPDATE staff_user SET station_id = NULL", "row-level security"),  # making itself sub-district staff
        ("INSERT INTO audit_entry (at, actor_id, actor_name, station_id, action, entity, entity_id, prev_hash, hash,"
         " chain, seq, scheme, key_id, subject) VALUES (now(), NULL, '', :b, 'x', 'x', '', '', '', :b, 999, 2, '', '')",
         "row-level security"),  # writing into another station's audit chain
        ("SELECT * FROM smiledesk_login", "permission denied"),
        ("SET ROLE smiledesk_subdistrict", "permission denied"),
        ("ALTER TABLE resident DISABLE ROW LEVEL SECURITY", "must be owner"),
        ("DROP TRIGGER IF EXISTS passport_stamp_no_change ON passport_stamp", "must be owner"),
        ("TRUNCATE passport_stamp", "permission denied"),
        ("DELETE FROM alembic_version", "permission denied"),
        ("INSERT INTO station (name, code, sub_district, address, phone, created_at, version) "
         "VALUES ('x', 'X', '', '', '', now(), 1)", "row-level security"),
    ]
    for sql, why in refused:
        with pytest.raises(DBAPIError, match=why), a.begin() as conn:
            conn.execute(text(sql), {"b": sd.b})
    assert _scalar(sd.owner, "SELECT count(*) FROM resident WHERE station_id = :b", b=sd.b) == 2


def test_psql_with_a_stations_credentials_shows_only_that_station(subdistrict):
    sd = subdistrict
    role, password = sd.logins["b"]
    done = sd.server.psql("SELECT name, id_number FROM resident ORDER BY name", user=role, password=password,
                          database=sd.database)
    assert done.returncode == 0, done.stderr
    assert set(done.stdout.split()) == {"李强|110101195203041233", "张伟|"}
    done = sd.server.psql("SELECT password_hash FROM staff_user", user=role, password=password, database=sd.database)
    assert done.stdout.count("$argon2") == 2  # admin-b and desk-b: not station a's, not the office's
    wrong = sd.server.psql("SELECT 1", user=role, password="not-the-password", database=sd.database)
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr


def test_the_login_is_bound_to_its_station_by_the_server_not_by_anything_the_connection_sets(subdistrict):
    sd = subdistrict
    a = sd.engine("a")
    with a.connect() as conn:
        assert rls.who(conn) == rls.Connection(sd.logins["a"][0], "station", sd.a)
        conn.exec_driver_sql("SET application_name = 'station-b'")
        for attempt in ("SET smiledesk.station = '2'", "SET search_path = pg_temp, public"):
            conn.exec_driver_sql(attempt)
        assert conn.execute(text("SELECT smiledesk_station()")).scalar() == sd.a
        assert conn.execute(text("SELECT count(*) FROM resident WHERE station_id = :b"), {"b": sd.b}).scalar() == 0
    with sd.owner.connect() as conn:
        assert rls.who(conn).kind == "owner"
    with sd.engine("office").connect() as conn:
        assert rls.who(conn).kind == "subdistrict"
