"""no contact periods, contacts, urges and check-ins

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_checkins_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("user_id", "day", name="uq_checkins_user_id_day"),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("initiator", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("logistics", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("broke_period", sa.Boolean(), nullable=False),
        sa.CheckConstraint("initiator IN ('me', 'him')", name=op.f("ck_contacts_initiator")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_contacts_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_user_id", ["user_id"], unique=False)

    op.create_table(
        "nocontact_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("target_days", sa.Integer(), nullable=False),
        sa.Column("breakup_on", sa.Date(), nullable=True),
        sa.Column("his_name", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'broken', 'stopped')", name=op.f("ck_nocontact_periods_status")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_nocontact_periods_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nocontact_periods")),
    )
    with op.batch_alter_table("nocontact_periods", schema=None) as batch_op:
        batch_op.create_index("ix_nocontact_periods_user_id", ["user_id"], unique=False)

    op.create_table(
        "urges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column("trigger", sa.String(length=500), nullable=False),
        sa.Column("instead", sa.String(length=500), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_urges_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_urges")),
    )
    with op.batch_alter_table("urges", schema=None) as batch_op:
        batch_op.create_index("ix_urges_user_id", ["user_id"], unique=False)

    op.create_table(
        "nocontact_pauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"],
            ["nocontact_periods.id"],
            name=op.f("fk_nocontact_pauses_period_id_nocontact_periods"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_nocontact_pauses_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nocontact_pauses")),
    )
    with op.batch_alter_table("nocontact_pauses", schema=None) as batch_op:
        batch_op.create_index("ix_nocontact_pauses_user_id", ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("nocontact_pauses", schema=None) as batch_op:
        batch_op.drop_index("ix_nocontact_pauses_user_id")

    op.drop_table("nocontact_pauses")
    with op.batch_alter_table("urges", schema=None) as batch_op:
        batch_op.drop_index("ix_urges_user_id")

    op.drop_table("urges")
    with op.batch_alter_table("nocontact_periods", schema=None) as batch_op:
        batch_op.drop_index("ix_nocontact_periods_user_id")

    op.drop_table("nocontact_periods")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_user_id")

    op.drop_table("contacts")
    op.drop_table("checkins")
