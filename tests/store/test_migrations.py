"""Schema changes: forward from empty and from an older schema; newer or damaged refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.archives import revision_of, upgrade_to
from sqlalchemy import create_engine, inspect, text

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.store.database import StoreError, backups_of, head_revision
from drill_app.store.store import NewExercise, Store


def test_a_new_database_gets_the_current_schema(db_url: str) -> None:
    Store.open(db_url).close()
    assert revision_of(db_url) == head_revision()
    engine = create_engine(db_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {"exercises", "events", "improvement_items", "alembic_version"} <= tables


def test_migrations_run_forward_from_empty(db_url: str) -> None:
    upgrade_to(db_url, "head")
    assert revision_of(db_url) == head_revision()
    Store.open(db_url).close()


def test_an_older_schema_is_upgraded_and_its_data_kept(db_url: str, tmp_path: Path) -> None:
    upgrade_to(db_url, "0001")  # the exercise log before improvement items existed
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into plan_versions (id, sha256, plan_key, title, document_number, content, stored_at) "
                "values (1, :h, 'lixia_gas_2025', '预案', '历下政办字〔2025〕5号', :c, :t)"
            ),
            {
                "h": "a" * 64,
                "c": DEFAULT_PLAN.read_text(encoding="utf-8"),
                "t": dt.datetime(2024, 5, 1),
            },
        )
        conn.execute(
            text(
                "insert into scenario_versions (id, sha256, scenario_key, title, content, stored_at) "
                "values (1, :h, 'shanhai_explosion', '山海社区', :c, :t)"
            ),
            {
                "h": "b" * 64,
                "c": (SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(encoding="utf-8"),
                "t": dt.datetime(2024, 5, 1),
            },
        )
        conn.execute(
            text(
                "insert into exercises (id, title, plan_version_id, scenario_version_id, exercise_type, "
                "location, held_on, controller, evaluators, options, status, created_at, event_count, head_hash) "
                "values ('old-1', '2024年演练', 1, 1, 'tabletop', '', :d, '', '[]', '{}', 'ended', :t, 0, :g)"
            ),
            {"d": dt.date(2024, 5, 20), "t": dt.datetime(2024, 5, 20), "g": "0" * 64},
        )
    engine.dispose()
    with Store.open(db_url) as store:
        assert [x.title for x in store.list_exercises()] == ["2024年演练"]
        store.add_improvement(
            issue="i",
            action="a",
            element="training",
            owner_unit="housing",
            due_date=dt.date(2025, 1, 1),
        )
    assert revision_of(db_url) == head_revision()
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        (backup,) = backups_of(path)
        assert backup.name.startswith(f"{path.name}.backup-0001-")
        assert revision_of(f"sqlite:///{backup}") == "0001"  # the copy is the old database


def test_a_database_from_a_newer_version_is_refused_untouched(db_url: str) -> None:
    Store.open(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"written by a newer version of drill-app \(schema 9999"):
        Store.open(db_url)
    assert revision_of(db_url) == "9999"


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("create table customers (id integer)"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"it is not a drill-app database\. Nothing was changed\."):
        Store.open(url)


def test_a_damaged_file_is_refused_never_overwritten_and_the_backup_offered(tmp_path: Path) -> None:
    path = tmp_path / "drills.sqlite3"
    backup = tmp_path / "drills.sqlite3.backup-0001-20260101-120000"
    backup.write_bytes(b"")
    garbage = b"this is not a database, it is a spreadsheet" * 100
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as info:
        Store.open(f"sqlite:///{path}")
    message = str(info.value)
    assert message.startswith(f"{path}: not a usable drill-app database (")
    assert "Nothing was changed." in message
    assert f"Backups: {backup}." in message
    assert path.read_bytes() == garbage


def test_store_error_for_a_bad_url() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store.open("no such thing")


def test_new_exercise_in_upgraded_database_works(db_url: str) -> None:
    upgrade_to(db_url, "0001")
    with Store.open(db_url) as store:
        exercise_id = store.create_exercise(
            NewExercise(
                title="t",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=(SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(
                    encoding="utf-8"
                ),
                held_on=dt.date(2026, 1, 1),
            )
        )
        assert store.exercise(exercise_id).summary.status == "planned"


def test_the_migrations_build_exactly_the_models(db_url: str) -> None:
    """What `alembic check` does: after upgrading, autogenerate finds nothing to add."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from drill_app.store.models import Base

    upgrade_to(db_url, "head")
    engine = create_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_the_cheap_schema_head_is_alembics_head() -> None:
    from drill_app.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    Store.open(url).close()
    probe = (
        "import sys; from drill_app.store.store import Store; Store.open(sys.argv[1]).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, url], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
