"""guide responses and block list

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 02:20:41.434203
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guide_blocklist",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('word', 'address', 'email')", name=op.f("ck_guide_blocklist_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guide_blocklist")),
    )
    op.create_table(
        "guide_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_slug", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("is_author", sa.Boolean(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("browser_key", sa.String(length=64), nullable=False),
        sa.Column("notify", sa.Boolean(), nullable=False),
        sa.Column("unsubscribe_token", sa.String(length=43), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'published', 'rejected', 'spam')",
            name=op.f("ck_guide_responses_status"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["guide_responses.id"],
            name=op.f("fk_guide_responses_parent_id_guide_responses"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_guide_responses_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guide_responses")),
    )
    with op.batch_alter_table("guide_responses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_guide_responses_article_status", ["article_slug", "status"], unique=False
        )
        batch_op.create_index("ix_guide_responses_email", ["email"], unique=False)
        batch_op.create_index("ix_guide_responses_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("guide_responses", schema=None) as batch_op:
        batch_op.drop_index("ix_guide_responses_user_id")
        batch_op.drop_index("ix_guide_responses_email")
        batch_op.drop_index("ix_guide_responses_article_status")

    op.drop_table("guide_responses")
    op.drop_table("guide_blocklist")
