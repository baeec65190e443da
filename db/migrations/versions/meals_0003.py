"""meals: food samples belong to a station (the canteen that kept them)

Revision ID: meals_0003
Revises: meals_0002
Create Date: 2026-11-23
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "meals_0003"
down_revision: str | Sequence[str] | None = "meals_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meal_food_sample") as batch:
        batch.add_column(sa.Column("station_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_meal_food_sample_station", "station", ["station_id"], ["id"])
    # A database with one station (every SQLite file): its samples are that station's.
    op.execute("UPDATE meal_food_sample SET station_id = (SELECT min(id) FROM station) "
               "WHERE station_id IS NULL AND (SELECT count(*) FROM station) = 1")


def downgrade() -> None:
    with op.batch_alter_table("meal_food_sample") as batch:
        batch.drop_constraint("fk_meal_food_sample_station", type_="foreignkey")
        batch.drop_column("station_id")
