"""The plan browser shows every reading the rules follow, with its § and the value in force
(issue 10): new settings and readings appear from the plan data."""

from __future__ import annotations

from collections.abc import Callable

from browsing import column_texts, find_row, row_texts, table_view

from drill_app.core.plan import Plan
from drill_app.ui.plan.plan_browser import PlanBrowserWindow

OpenBrowser = Callable[..., PlanBrowserWindow]


def test_the_follow_up_time_limit_is_shown_with_its_ref(open_browser: OpenBrowser) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "readings", "settings")
    row = row_texts(view, find_row(view, "设置", "续报时限（分钟）"))
    assert (row["采用"], row["§"]) == ("30", "§4.1.2")
    assert "及时" in row["问题"]


def test_the_reading_in_force_of_warning_item_1_is_shown(
    open_browser: OpenBrowser, plan: Plan
) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "readings", "settings")
    row = row_texts(view, find_row(view, "§", "§3.3"))
    assert row["采用"] == "任一满足即可 (either)"
    literal = plan.settings.warning_demand_households.model_copy(update={"value": "both"})
    strict = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"warning_demand_households": literal})}
    )
    window = open_browser("zh_CN", strict)
    view = table_view(window, "readings", "settings")
    assert row_texts(view, find_row(view, "§", "§3.3"))["采用"] == "须同时满足 (both)"


def test_new_readings_appear_from_the_data(open_browser: OpenBrowser) -> None:
    window = open_browser("zh_CN")
    view = table_view(window, "readings", "readings")
    questions = column_texts(view, "问题")
    recipients = next(i for i, q in enumerate(questions) if "接收单位" in q)
    assert row_texts(view, recipients)["§"] == "§4.1.2"
    on_scene = next(i for i, q in enumerate(questions) if "赶赴现场" in q)
    assert row_texts(view, on_scene)["§"] == "§5.2.1"


def test_the_a_class_pipes_are_shown_in_the_orange_pressure_criterion(
    open_browser: OpenBrowser,
) -> None:
    window = open_browser("zh_CN")
    view = window.section("warnings").table("warning_criteria").view
    window.show_section("warnings")
    texts = [
        " ".join(str(v) for v in row_texts(view, r).values())
        for r in range(view.model().rowCount())
    ]
    orange = next(t for t in texts if "§3.3.2(2)" in t)
    assert "次高压管网压力/次高压A类管网压力 < 0.4 MPa" in orange
