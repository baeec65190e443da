"""residents: search keys of names with a compound surname rebuilt (欧阳娜娜 was indexed "onn" only; now
also "oynn", and the given name alone is "nana", not "yangnana") — issue 18

Only residents whose name starts with a compound surname (core.search_keys.COMPOUND_SURNAMES) are touched:
their name keys (kinds 0–3) are written again; phone and ID-number keys stay.

Revision ID: residents_0002
Revises: residents_0001
Create Date: 2026-12-04
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'residents_0002'
down_revision: str | Sequence[str] | None = 'residents_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from desktop_app.core import search_keys

    conn = op.get_bind()
    heads = sorted(search_keys.COMPOUND_SURNAMES)
    rows = conn.execute(
        sa.text("SELECT id, name FROM resident WHERE substr(name, 1, 2) IN :heads").bindparams(
            sa.bindparam("heads", expanding=True)), {"heads": heads}).all()
    name_kinds = (search_keys.KIND_NAME, search_keys.KIND_NAME_PART, search_keys.KIND_PINYIN, search_keys.KIND_INITIALS)
    for i in range(0, len(rows), 500):
        chunk = rows[i:i + 500]
        conn.execute(sa.text("DELETE FROM resident_search_key WHERE resident_id IN :ids AND kind IN :kinds").bindparams(
            sa.bindparam("ids", expanding=True), sa.bindparam("kinds", expanding=True)),
            {"ids": [r[0] for r in chunk], "kinds": list(name_kinds)})
        keys = [{"r": rid, "k": kind, "key": key[:60]} for rid, name in chunk for key, kind in search_keys.name_keys(name)]
        if keys:
            conn.execute(sa.text("INSERT INTO resident_search_key (resident_id, kind, key) VALUES (:r, :k, :key)"), keys)


def downgrade() -> None:
    pass  # the richer keys find everything the old ones did
