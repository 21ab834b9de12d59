"""users: whether she has answered (or put aside) the first-run welcome

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 17:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Members who signed up before the welcome existed have long found their way: theirs is done.
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("welcomed", sa.Boolean(), server_default=sa.true(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("welcomed")
