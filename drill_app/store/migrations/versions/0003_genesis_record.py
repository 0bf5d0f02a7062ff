"""genesis record: the scoring rules' hash joins the exercise record

The chain of an exercise created from now on starts from a genesis hash over the
exercise record, its plan, scenario and scoring rules (see drill_app/store/chain.py).
Exercises recorded before keep their chain from 64 zeros (events only); nothing
is recomputed, so a final hash written on an old paper sheet still matches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exercises", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("scoring_sha256", sa.String(length=64), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("exercises", schema=None) as batch_op:
        batch_op.drop_column("scoring_sha256")
