"""residents: a version on every resident (no lost edits) and one resident per ID number per station

Revision ID: residents_0001
Revises: foundation_0001
Create Date: 2026-11-24

A database from before the rule may hold the same ID number twice in one station (a demo loaded twice, two
desks registering one person at the same moment). The upgrade never fails on it and keeps every record
working: the first-registered resident keeps the number; each later one loses it from its ID number field and
gets it back as the first line of its notes, saying which record has it (the search keys are left as they
were, so the ID tail still finds both). ``residents.duplicate_id_numbers`` (``smiledesk check``) lists them
until someone merges or corrects them; each is logged here. The copy made before migrating holds the
database as it was.
"""
import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'residents_0001'
down_revision: str | Sequence[str] | None = 'foundation_0001'
branch_labels: str | Sequence[str] | None = ('residents',)
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("desktop_app.migrations")

# The same text as residents.duplicates.SET_ASIDE (kept here: a migration never imports the application).
SET_ASIDE = "【身份证号重复】升级时从本档案移出身份证号 {number}（与居民档案 No.{kept} 相同）。请核对：是同一人就合并两份档案，号码有误就改正，然后删去本行。"
HAS_ID_NUMBER = sa.text("id_number <> ''")
NO_STATION = sa.text("id_number <> '' AND station_id IS NULL")


def _set_aside_duplicates(conn) -> int:
    station = sa.func.coalesce(sa.column("station_id"), 0)
    resident = sa.table("resident", sa.column("id"), sa.column("station_id"), sa.column("id_number"), sa.column("notes"))
    groups = conn.execute(
        sa.select(station, resident.c.id_number).where(resident.c.id_number != "")
        .group_by(station, resident.c.id_number).having(sa.func.count() > 1)
    ).all()
    moved = 0
    for st, number in groups:
        rows = conn.execute(
            sa.select(resident.c.id, resident.c.notes)
            .where(sa.func.coalesce(resident.c.station_id, 0) == st, resident.c.id_number == number)
            .order_by(resident.c.id)
        ).all()
        kept = rows[0][0]
        for rid, notes in rows[1:]:
            line = SET_ASIDE.format(number=number, kept=kept)
            conn.execute(resident.update().where(resident.c.id == rid).values(
                id_number="", notes=line + ("\n" + notes if notes else "")))
            moved += 1
        log.warning("residents_0001: ID number %s…%s was registered %d times in station %s: resident %s keeps it, "
                    "set aside from %s", number[:4], number[-4:], len(rows), st or "(none)", kept,
                    ", ".join(str(r[0]) for r in rows[1:]))
    return moved


def upgrade() -> None:
    # Plain ALTER TABLE and CREATE INDEX, no batch: SQLite would copy the table, which other tables reference.
    op.add_column('resident', sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))
    _set_aside_duplicates(op.get_bind())
    op.create_index('uq_resident_station_id_number', 'resident', ['station_id', 'id_number'], unique=True,
                    sqlite_where=HAS_ID_NUMBER, postgresql_where=HAS_ID_NUMBER)
    op.create_index('uq_resident_own_id_number', 'resident', ['id_number'], unique=True,
                    sqlite_where=NO_STATION, postgresql_where=NO_STATION)


def downgrade() -> None:
    # ID numbers set aside stay in the notes (the copy made before the upgrade has them as they were).
    op.drop_index('uq_resident_own_id_number', table_name='resident')
    op.drop_index('uq_resident_station_id_number', table_name='resident')
    op.drop_column('resident', 'version')
