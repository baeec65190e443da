"""residents_0001 on a station's database that already holds the same ID number twice: the upgrade does not
fail, every record stays, the first keeps the number, the others carry it in their notes, check lists them."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import MetaData

from desktop_app.core.db import alembic_config, make_engine, migrate, session_scope

pytestmark = pytest.mark.skipif(bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL")), reason="an SQLite file at an old revision")

ID = "11010519491231002X"
OTHER = "110105193001010013"


def test_upgrade_sets_aside_duplicate_id_numbers_and_keeps_every_record(tmp_path, caplog):
    from desktop_app import residents

    path = tmp_path / "station.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "foundation_0001")
    meta = MetaData()
    meta.reflect(engine)
    station, resident = meta.tables["station"], meta.tables["resident"]
    now = datetime(2026, 1, 5, tzinfo=UTC)
    blank = {c.name: (False if str(c.type) == "BOOLEAN" else "") for c in resident.columns
             if not c.nullable and c.name not in ("id", "created_at", "updated_at", "station_id")}
    rows = [  # id, station, name, number, notes
        (1, 1, "曾小明", ID, ""), (2, 1, "曾小明", ID, "耳背"), (3, 1, "曾晓明", ID, ""),
        (4, 2, "曾小明", ID, ""),  # another station: allowed, untouched
        (5, None, "老王", OTHER, ""), (6, None, "老王", OTHER, ""),  # the sub-district's own register
        (7, 1, "无证甲", "", ""), (8, 1, "无证乙", "", ""),
    ]
    with engine.begin() as conn:
        conn.execute(station.insert(), [{"id": i, "name": f"站{i}", "code": f"S{i}", "sub_district": "", "address": "",
                                         "phone": "", "created_at": now} for i in (1, 2)])
        conn.execute(resident.insert(), [{**blank, "id": rid, "station_id": st, "name": name, "id_number": number,
                                          "notes": notes, "created_at": now, "updated_at": now}
                                         for rid, st, name, number, notes in rows])
    with caplog.at_level("WARNING", logger="desktop_app.migrations"):
        backup = migrate(engine)
    assert backup is not None and backup.exists()
    assert len([r for r in caplog.records if "residents_0001" in r.getMessage()]) == 2
    assert ID not in caplog.text and "1101…002X" in caplog.text  # the log shows numbers masked

    with session_scope(engine, write=False) as s:
        stored = {r.id: r for r in s.exec(residents.Resident.__table__.select())}
        found = residents.duplicate_id_numbers(s)
    assert len(stored) == 8 and all(r.version == 1 for r in stored.values())
    assert [stored[i].id_number for i in range(1, 9)] == [ID, "", "", ID, OTHER, "", "", ""]
    assert stored[2].notes.startswith(f"【身份证号重复】升级时从本档案移出身份证号 {ID}（与居民档案 No.1 相同）")
    assert stored[2].notes.endswith("\n耳背") and stored[3].notes.count("\n") == 0
    assert sorted((d.resident_ids, d.station_id, d.set_aside) for d in found) == [
        ((1, 2, 3), 1, True), ((5, 6), None, True)]
    assert all(d.id_number_masked.startswith("1101**********") for d in found)
    engine.dispose()
