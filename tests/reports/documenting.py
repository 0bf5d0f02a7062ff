"""Helpers of the document tests: a report written by `drill-app report` for a replay, and
the text of a PDF. A plain module, not a test file: pytest puts tests/reports on
sys.path, so tests import it as ``documenting``."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")


def report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "zh_CN"
) -> Path:
    out = tmp_path / "out.pdf"
    code = main(
        [
            "--lang",
            lang,
            "report",
            "--replay",
            SCENARIO,
            str(FIXTURES / "a-late-phone.jsonl"),
            "--held-on",
            "2026-11-20",
            "--pdf",
            str(out),
            *args,
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith(f"{out}: ")
    return out


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)
