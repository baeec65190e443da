"""meals tables: recipients, pauses, dated prices and subsidy tiers, orders, ledger, welfare checks, samples

Revision ID: meals_0001
Revises: foundation_0001
Create Date: 2026-11-22

The account ledger is append-only: triggers refuse UPDATE and DELETE on meal_ledger, so a balance
(the sum of a recipient's entries) can only change by a new entry.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.core.db

revision: str = "meals_0001"
down_revision: str | Sequence[str] | None = "foundation_0001"
branch_labels: str | Sequence[str] | None = ("meals",)
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = {
    "sqlite": [
        "CREATE TRIGGER meal_ledger_no_update BEFORE UPDATE ON meal_ledger "
        "BEGIN SELECT RAISE(ABORT, 'meal_ledger is append-only'); END",
        "CREATE TRIGGER meal_ledger_no_delete BEFORE DELETE ON meal_ledger "
        "BEGIN SELECT RAISE(ABORT, 'meal_ledger is append-only'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION meal_ledger_append_only() RETURNS trigger AS $$ BEGIN "
        "RAISE EXCEPTION 'meal_ledger is append-only'; END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER meal_ledger_no_change BEFORE UPDATE OR DELETE ON meal_ledger "
        "FOR EACH ROW EXECUTE FUNCTION meal_ledger_append_only()",
    ],
}


def upgrade() -> None:
    op.create_table('meal_food_sample',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('meal', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('dishes', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('kept_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('kept_by', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('discarded_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('discarded_by', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meal_food_sample', schema=None) as batch_op:
        batch_op.create_index('ix_meal_sample_day', ['day', 'meal'], unique=False)

    op.create_table('meal_price',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meal', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('delivery_fee_fen', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meal', 'effective_from')
    )
    op.create_table('meal_subsidy_tier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('min_age', sa.Integer(), nullable=True),
    sa.Column('max_age', sa.Integer(), nullable=True),
    sa.Column('hardship', sa.Boolean(), nullable=False),
    sa.Column('subsidy_fen', sa.Integer(), nullable=False),
    sa.Column('funding_source', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', 'effective_from')
    )
    op.create_table('meal_recipient',
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('service', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('schedule', sa.Integer(), nullable=False),
    sa.Column('low_salt', sa.Boolean(), nullable=False),
    sa.Column('low_sugar', sa.Boolean(), nullable=False),
    sa.Column('soft', sa.Boolean(), nullable=False),
    sa.Column('vegetarian', sa.Boolean(), nullable=False),
    sa.Column('halal', sa.Boolean(), nullable=False),
    sa.Column('avoid', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('delivery_address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('delivery_notes', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('emergency_contact', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('emergency_phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('subsidy_tier', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('credit_limit_fen', sa.Integer(), nullable=False),
    sa.Column('route_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('sort_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('resident_id')
    )
    with op.batch_alter_table('meal_recipient', schema=None) as batch_op:
        batch_op.create_index('ix_meal_recipient_sort', ['sort_key', 'id'], unique=False)

    op.create_table('meal_route_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('compound', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('volunteer_resident_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['volunteer_resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('compound')
    )
    op.create_table('meal_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('receipt_no', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['meal_recipient.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meal_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_meal_ledger_balance', ['recipient_id', 'amount_fen'], unique=False)
        batch_op.create_index('ix_meal_ledger_recipient_day', ['recipient_id', 'day', 'id'], unique=False)

    op.create_table('meal_order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('meal', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('service', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('price_fen', sa.Integer(), nullable=False),
    sa.Column('subsidy_fen', sa.Integer(), nullable=False),
    sa.Column('delivery_fee_fen', sa.Integer(), nullable=False),
    sa.Column('tier_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('outcome_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('outcome_by', sa.Integer(), nullable=True),
    sa.Column('volunteer_resident_id', sa.Integer(), nullable=True),
    sa.Column('created_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recipient_id'], ['meal_recipient.id'], ),
    sa.ForeignKeyConstraint(['volunteer_resident_id'], ['resident.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day', 'meal', 'recipient_id')
    )
    with op.batch_alter_table('meal_order', schema=None) as batch_op:
        batch_op.create_index('ix_meal_order_recipient_day', ['recipient_id', 'day'], unique=False)
        batch_op.create_index('ix_meal_order_tier_day', ['day', 'tier_id'], unique=False)

    op.create_table('meal_pause',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('start_day', sa.Date(), nullable=False),
    sa.Column('end_day', sa.Date(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recipient_id'], ['meal_recipient.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meal_pause', schema=None) as batch_op:
        batch_op.create_index('ix_meal_pause_recipient', ['recipient_id', 'start_day'], unique=False)

    op.create_table('meal_welfare_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('opened_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('closed_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['meal_order.id'], ),
    sa.ForeignKeyConstraint(['recipient_id'], ['meal_recipient.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('order_id')
    )
    with op.batch_alter_table('meal_welfare_check', schema=None) as batch_op:
        batch_op.create_index('ix_meal_welfare_open', ['closed_at', 'day'], unique=False)

    op.create_table('meal_welfare_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('check_id', sa.Integer(), nullable=False),
    sa.Column('target', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['check_id'], ['meal_welfare_check.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meal_welfare_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meal_welfare_attempt_check_id'), ['check_id'], unique=False)


    for statement in APPEND_ONLY.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS meal_ledger_no_update")
        op.execute("DROP TRIGGER IF EXISTS meal_ledger_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS meal_ledger_no_change ON meal_ledger")
        op.execute("DROP FUNCTION IF EXISTS meal_ledger_append_only()")
    with op.batch_alter_table('meal_welfare_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meal_welfare_attempt_check_id'))

    op.drop_table('meal_welfare_attempt')
    with op.batch_alter_table('meal_welfare_check', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_welfare_open')

    op.drop_table('meal_welfare_check')
    with op.batch_alter_table('meal_pause', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_pause_recipient')

    op.drop_table('meal_pause')
    with op.batch_alter_table('meal_order', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_order_tier_day')
        batch_op.drop_index('ix_meal_order_recipient_day')

    op.drop_table('meal_order')
    with op.batch_alter_table('meal_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_ledger_recipient_day')
        batch_op.drop_index('ix_meal_ledger_balance')

    op.drop_table('meal_ledger')
    op.drop_table('meal_route_assignment')
    with op.batch_alter_table('meal_recipient', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_recipient_sort')

    op.drop_table('meal_recipient')
    op.drop_table('meal_subsidy_tier')
    op.drop_table('meal_price')
    with op.batch_alter_table('meal_food_sample', schema=None) as batch_op:
        batch_op.drop_index('ix_meal_sample_day')

    op.drop_table('meal_food_sample')
