"""The store fixtures give real, separate databases on both engines."""

from __future__ import annotations

from pg import TempPostgres
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    inspect,
    select,
    text,
)

TEXT = "燃气泄漏"

metadata = MetaData()
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body", String(200), nullable=False),
)


def test_chinese_text_round_trips(db_url: str) -> None:
    writer = create_engine(db_url)
    reader = create_engine(db_url)
    try:
        metadata.create_all(writer)
        with writer.begin() as connection:
            connection.execute(insert(notes).values(body=TEXT))
        # A second engine, so the row is read back from the database, not a session.
        with reader.connect() as connection:
            assert connection.execute(select(notes.c.body)).scalar_one() == TEXT
            assert (
                connection.execute(select(notes.c.id).where(notes.c.body == TEXT)).scalar_one() == 1
            )
    finally:
        writer.dispose()
        reader.dispose()


def test_db_url_is_the_engine_it_names(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            if db_url.startswith("sqlite"):
                assert engine.dialect.name == "sqlite"
                assert connection.execute(text("select sqlite_version()")).scalar_one()
            else:
                assert engine.dialect.name == "postgresql"
                version = connection.execute(text("select version()")).scalar_one()
                assert version.startswith("PostgreSQL")
                encoding = connection.execute(text("show server_encoding")).scalar_one()
                assert encoding == "UTF8"
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_session_database_exists(pg_server: TempPostgres) -> None:
    assert pg_server.url.endswith(f":{pg_server.port}/drill_test")
    engine = create_engine(pg_server.url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("select current_database()")).scalar_one() == (
                "drill_test"
            )
    finally:
        engine.dispose()


def test_pg_url_databases_are_independent(pg_url: str, pg_server: TempPostgres) -> None:
    other_url = pg_server.fresh_database("independence_check")
    assert other_url != pg_url
    first = create_engine(pg_url)
    second = create_engine(other_url)
    try:
        metadata.create_all(first)
        with first.begin() as connection:
            connection.execute(insert(notes).values(body=TEXT))
        assert inspect(second).get_table_names() == []
        metadata.create_all(second)
        with second.connect() as connection:
            assert connection.execute(select(notes.c.body)).all() == []
        with first.connect() as connection:
            assert connection.execute(select(notes.c.body)).scalars().all() == [TEXT]
    finally:
        first.dispose()
        second.dispose()
        pg_server.drop_database("independence_check")
