"""The report form ticks the plan's recipients for the unit and the report kind (§4.1.1,
§4.1.2), again after each report is recorded (issue 10)."""

from __future__ import annotations

from drilling import Drill, click, open_page, recorded_by, release, start, tick
from pytestqt.qtbot import QtBot

from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.act.report_form import ReportForm

ALL = ["district_government", "district_hq_office", "city_government"]


def ticked(form: ReportForm) -> list[str]:
    return [p for p, box in form.recipient_boxes.items() if box.isChecked()]


def test_the_plans_recipients_are_ticked_for_each_kind_and_unit(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill)
    page = panel.report_page
    open_page(qtbot, panel, page)
    form = page.form
    panel.set_unit("emergency")
    form.set_report_kind("phone")
    assert ticked(form) == ALL
    form.set_report_kind("sensitive")
    assert ticked(form) == ["district_hq_office", "city_hq_office"]
    form.set_report_kind("result")
    assert ticked(form) == ["district_hq_office"]
    # the incident unit (港华燃气 in this scenario) reports to 区政府 and the street (§4.1.1)
    panel.set_unit("towngas")
    form.set_report_kind("phone")
    assert ticked(form) == ["district_government", "street"]
    assert form.recipient_boxes["street"].text() == "街道办事处"


def test_a_report_sent_as_prefilled_meets_the_line_and_the_form_is_prefilled_again(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill)
    release(qtbot, drill, "i03_gas_company_report")
    drill.clock.at_minute(10)
    page = panel.report_page
    open_page(qtbot, panel, page)
    panel.set_unit("emergency")
    page.form.set_report_kind("phone")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.send_button))
    assert event.payload["recipients"] == ALL
    assert ticked(page.form) == ALL  # the next report starts with them again
    line = next(x for x in drill.session.score().lines if x.id == "phone_report:emergency")
    assert (line.status, line.done_at) == ("met", 600.0)
    # the user may untick one; choosing another kind ticks that kind's recipients
    tick(qtbot, page.form.recipient_boxes["city_government"])
    assert ticked(page.form) == ["district_government", "district_hq_office"]
    page.form.set_report_kind("written")
    assert ticked(page.form) == ALL  # a new kind: the plan's recipients again
