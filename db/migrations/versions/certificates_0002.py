"""certificates: a version on each certificate, so a stale revoke is refused instead of applied unseen

Revocation and the "entered in the national system" mark bump it; the page passes the version it
showed. Existing certificates start at 1.

Revision ID: certificates_0002
Revises: certificates_0001
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'certificates_0002'
down_revision: str | Sequence[str] | None = 'certificates_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_column('version')
