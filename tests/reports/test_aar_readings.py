"""The after-action report names the reading in force of each setting (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from documenting import flat, report, text_of


def test_the_after_action_report_names_each_setting_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    compact = flat(text_of(report(tmp_path, capsys, "--aar")))
    assert "（本次取值：either）" in compact  # warning item (1): either half
    assert "（本次取值：each_unit）" in compact  # §4.1.2 each bureau reports
    assert "（本次取值：30）" in compact  # the follow-up time limit, a new setting
    assert "及时续报" in compact
