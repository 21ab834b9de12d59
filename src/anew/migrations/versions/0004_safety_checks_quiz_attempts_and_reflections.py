"""safety checks, quiz attempts and reflections

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 01:42:40.949083
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quiz_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=43), nullable=False),
        sa.Column("quiz_slug", sa.String(length=100), nullable=False),
        sa.Column("outcome_id", sa.String(length=50), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_quiz_attempts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_attempts")),
        sa.UniqueConstraint("token", name=op.f("uq_quiz_attempts_token")),
    )
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_quiz_attempts_quiz_slug", ["quiz_slug"], unique=False)
        batch_op.create_index("ix_quiz_attempts_user_id", ["user_id"], unique=False)

    op.create_table(
        "safety_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "result IN ('clear', 'concerns', 'danger')", name=op.f("ck_safety_checks_result")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_safety_checks_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_checks")),
    )
    with op.batch_alter_table("safety_checks", schema=None) as batch_op:
        batch_op.create_index("ix_safety_checks_user_id", ["user_id"], unique=False)

    with op.batch_alter_table("nocontact_periods", schema=None) as batch_op:
        batch_op.add_column(sa.Column("change_mine", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("change_his", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("reflected_at", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("country", sa.String(length=2), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("safety_mode", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("safety_mode")
        batch_op.drop_column("country")

    with op.batch_alter_table("nocontact_periods", schema=None) as batch_op:
        batch_op.drop_column("reflected_at")
        batch_op.drop_column("change_his")
        batch_op.drop_column("change_mine")

    with op.batch_alter_table("safety_checks", schema=None) as batch_op:
        batch_op.drop_index("ix_safety_checks_user_id")

    op.drop_table("safety_checks")
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_quiz_attempts_user_id")
        batch_op.drop_index("ix_quiz_attempts_quiz_slug")

    op.drop_table("quiz_attempts")
