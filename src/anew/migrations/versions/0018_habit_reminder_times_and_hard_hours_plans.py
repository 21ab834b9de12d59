"""habits.remind_at: a habit's own reminder time; hard_hours_plans: what she plans to do in the
hours her urges gather

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("habits") as batch:
        batch.add_column(sa.Column("remind_at", sa.String(length=5), nullable=True))
    op.create_table(
        "hard_hours_plans",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_hard_hours_plans_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_hard_hours_plans")),
    )


def downgrade() -> None:
    op.drop_table("hard_hours_plans")
    with op.batch_alter_table("habits") as batch:
        batch.drop_column("remind_at")
