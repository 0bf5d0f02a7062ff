"""Archives for tests: exercises added through the Store, and the schema moved by Alembic."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import create_engine, text

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.store.database import _alembic_config
from drill_app.store.store import NewExercise, SeatInfo, Store


def add_exercise(url: str, title: str, held_on: dt.date, scenario: int = 0) -> str:
    """A planned exercise of the built-in plan and the *scenario*-th built-in scenario."""
    path = sorted(SCENARIOS_DIR.glob("*.yaml"))[scenario]
    with Store.open(url) as store:
        return store.create_exercise(
            NewExercise(
                title=title,
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=path.read_text(encoding="utf-8"),
                held_on=held_on,
                seats=(SeatInfo("housing", "张强"),),
            )
        )


def upgrade_to(url: str, revision: str) -> None:
    _alembic(url, command.upgrade, revision)


def downgrade_to(url: str, revision: str) -> None:
    _alembic(url, command.downgrade, revision)


def _alembic(url: str, action: object, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        action(config, revision)  # type: ignore[operator]
    engine.dispose()


def revision_of(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as conn:
        version = conn.execute(text("select version_num from alembic_version")).scalar_one()
    engine.dispose()
    return str(version)
