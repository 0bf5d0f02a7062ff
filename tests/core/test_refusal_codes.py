"""Refusals are data: every code has an English log sentence and one wording entry."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

from drill_app.core.refusals import LOG_TEXT, EventError, Refusal, RefusalCode
from drill_app.wording.refusals import WORDING

WORDING_DIR = Path(__file__).resolve().parents[2] / "drill_app" / "wording"


def test_every_code_has_a_log_sentence_and_a_wording_entry() -> None:
    codes = set(get_args(RefusalCode))
    assert set(LOG_TEXT) == codes
    assert set(WORDING) == codes


def test_the_error_carries_the_refusal_and_says_it_in_english() -> None:
    error = EventError.of("inject_already_released", inject="i-03")
    assert isinstance(error, ValueError)
    assert error.refusal == Refusal("inject_already_released", {"inject": "i-03"})
    assert str(error) == "inject 'i-03' was already released or skipped"


def test_the_wording_package_uses_no_widgets() -> None:
    """It may import the core and PySide6.QtCore only (import-linter cannot say this)."""
    for path in WORDING_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                if module.startswith("PySide6"):
                    assert module == "PySide6.QtCore", f"{path.name} imports {module}"
                if module.startswith("drill_app."):
                    assert module.split(".")[1] in ("core", "wording", "paths"), module
