"""desk tables: categories, service records, their events, day figures

Revision ID: desk_0001
Revises: foundation_0001
Create Date: 2026-11-22 23:30:21.001651
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.core.db


revision: str = 'desk_0001'
down_revision: str | Sequence[str] | None = 'foundation_0001'
branch_labels: str | Sequence[str] | None = ('desk',)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('desk_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('deadline_workdays', sa.Integer(), nullable=False),
    sa.Column('on_the_spot', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('desk_day_figure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('closed', sa.Integer(), nullable=False),
    sa.Column('closed_on_time', sa.Integer(), nullable=False),
    sa.Column('followed_up', sa.Integer(), nullable=False),
    sa.Column('satisfied', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('day', 'station_id', 'category_id', name='uq_desk_day_figure')
    )
    op.create_table('service_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=True),
    sa.Column('resident_id', sa.Integer(), nullable=True),
    sa.Column('walk_in_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('walk_in_phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('details', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('received_by', sa.Integer(), nullable=True),
    sa.Column('received_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('due_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('assignee', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('resolved_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('closed_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('satisfaction', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('escalated_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
    sa.Column('repeat_of_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['desk_category.id'], ),
    sa.ForeignKeyConstraint(['received_by'], ['staff_user.id'], ),
    sa.ForeignKeyConstraint(['repeat_of_id'], ['service_record.id'], ),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], ),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_record', schema=None) as batch_op:
        batch_op.create_index('ix_service_record_received', ['received_at', 'id'], unique=False)
        batch_op.create_index('ix_service_record_repeat_of', ['repeat_of_id'], unique=False)
        batch_op.create_index('ix_service_record_resident', ['resident_id', 'received_at'], unique=False)
        batch_op.create_index('ix_service_record_status_due', ['status', 'due_at', 'id'], unique=False)

    op.create_table('service_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('at', desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('from_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('to_status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('assignee', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('satisfaction', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('contact_method', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_user.id'], ),
    sa.ForeignKeyConstraint(['record_id'], ['service_record.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('service_event', schema=None) as batch_op:
        batch_op.create_index('ix_service_event_record', ['record_id', 'id'], unique=False)


def downgrade() -> None:
    op.drop_table('service_event')
    op.drop_table('service_record')
    op.drop_table('desk_day_figure')
    op.drop_table('desk_category')
