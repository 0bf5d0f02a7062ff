"""Helpers shared by several test folders (not tests themselves). Import as
``from helpers.cli import run_cli``: tests/ is on sys.path through tests/conftest.py."""
