"""users: whether she asked her vault to bring a message back on days 7, 30 and 90

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Off for everyone until she turns it on herself: old words coming back is her choice.
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("vault_looks_back", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("vault_looks_back")
