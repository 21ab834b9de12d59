"""contacts.channel held to its vocabulary by a check constraint, like every other word list

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The values of anew.method.no_contact.vocabulary.Channel on the day this was written; a
# migration keeps its own copy, since the vocabulary may grow later (with a migration of its own).
CHANNELS = ("text", "call", "social_media", "in_person", "through_friends", "other")


def upgrade() -> None:
    allowed = ", ".join(f"'{channel}'" for channel in CHANNELS)
    with op.batch_alter_table("contacts") as batch:
        batch.create_check_constraint("channel", f"channel IN ({allowed})")


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_constraint("channel", type_="check")
