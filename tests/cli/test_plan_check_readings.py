"""`drill-app plan check` lists every reading the rules follow, with its § (issue 10)."""

from __future__ import annotations

import pytest

from drill_app.cli import main
from drill_app.paths import DEFAULT_PLAN


def test_plan_check_lists_settings_and_readings_with_their_refs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", "check", str(DEFAULT_PLAN)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("ok: 济南市历下区城镇燃气突发事件应急预案 (历下政办字〔2025〕5号)")
    assert "解读设置（规则按此执行）：" in out
    shown = "\n".join(out)
    for line in (
        "  §4.1.2 followup_deadline_minutes = 30：",
        "  §4.1.2 report_duty = each_unit：",
        "  §3.3 warning_demand_households = either：",
        "  §4.1.2 final_report_deadline_minutes = null：",
        "  §1.7 cross_district_level_iv_led_by_city = true：",
        "  §4.1.2 report_recipients：",
        "  §5.2.1 on_scene_level_iv：",
    ):
        assert line in shown, line
