"""guide responses: the hash of the link that proves the poster's email

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("guide_responses") as batch:
        batch.add_column(
            sa.Column("confirm_token_hash", sa.String(length=64), server_default="", nullable=False)
        )
        batch.create_index("ix_guide_responses_confirm_token_hash", ["confirm_token_hash"])


def downgrade() -> None:
    with op.batch_alter_table("guide_responses") as batch:
        batch.drop_index("ix_guide_responses_confirm_token_hash")
        batch.drop_column("confirm_token_hash")
