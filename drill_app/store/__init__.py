"""Durable storage: SQLAlchemy 2 models, Alembic migrations, SQLite or PostgreSQL.

The only package that imports SQLAlchemy.  It depends on the core, never the
other way round.
"""
