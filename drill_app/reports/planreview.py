"""§9.3 of the plan: how its provisions held up in the drill, and the readings of its
ambiguous passages the drill had to fix, each described in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drill_app.core.evaluation import Evaluation
from drill_app.core.plan import PlanSettings
from drill_app.reports.common import esc, head_row, table
from drill_app.reports.context import ReportContext


def questioned(settings: PlanSettings) -> list[str]:
    """Every setting the plan file fixes, in file order: a new one appears without code."""
    return list(type(settings).model_fields)


def setting_question(setting_id: str) -> str:
    """The open question of a passage, in the document's language."""
    return {
        "reporting_clock_start": QCoreApplication.translate(
            "Report",
            "Do the 20-minute telephone and 45-minute written deadlines run from the "
            "incident or from the moment the reporting unit learns of it?",
        ),
        "report_duty": QCoreApplication.translate(
            "Report",
            "The passage names both the emergency management bureau and the housing bureau: "
            "one joint report, or one from each?",
        ),
        "warning_demand_households": QCoreApplication.translate(
            "Report",
            "Item (1) of each warning level names the demand above the supply plan and the "
            "households affected in one sentence: must both be reached, or is one enough?",
        ),
        "warning_pressure_conditions": QCoreApplication.translate(
            "Report",
            "The two pipeline pressure conditions of the red and orange warnings are joined "
            "by a comma: is one pressure below its limit enough, or must both be?",
        ),
        "final_report_deadline_minutes": QCoreApplication.translate(
            "Report",
            "The final written report is due 'as soon as possible' after disposal ends, "
            "with no time limit.",
        ),
        "cross_district_level_iv_led_by_city": QCoreApplication.translate(
            "Report",
            "A general (level IV) incident that crosses district borders: does the city lead "
            "it, or the district?",
        ),
        "followup_deadline_minutes": QCoreApplication.translate(
            "Report",
            "The latest progress is to be reported 'in time' (续报), with no time limit.",
        ),
    }.get(setting_id, "")


def setting_reading(settings: PlanSettings, setting_id: str) -> str:
    """The reading the drill used, in words (never the data file's keyword)."""
    value = getattr(settings, setting_id).value
    readings: dict[tuple[str, object], str] = {
        ("reporting_clock_start", "known"): QCoreApplication.translate(
            "Report", "the deadlines run from the moment each reporting unit learns of the incident"
        ),
        ("reporting_clock_start", "occurred"): QCoreApplication.translate(
            "Report", "the deadlines run from the moment the incident occurred"
        ),
        ("report_duty", "each_unit"): QCoreApplication.translate(
            "Report", "each of the two bureaus reports, and is scored, on its own"
        ),
        ("report_duty", "joint"): QCoreApplication.translate(
            "Report", "one report in time from either bureau fulfils the duty of both"
        ),
        ("warning_demand_households", "either"): QCoreApplication.translate(
            "Report",
            "either condition is enough; when the two point to different levels, the higher "
            "level applies",
        ),
        ("warning_demand_households", "both"): QCoreApplication.translate(
            "Report", "both conditions must reach the level"
        ),
        ("warning_pressure_conditions", "either"): QCoreApplication.translate(
            "Report",
            "one pressure below its limit, still falling after emergency supplementary gas, "
            "is enough",
        ),
        ("warning_pressure_conditions", "both"): QCoreApplication.translate(
            "Report", "both pressures must be below their limits"
        ),
    }
    if setting_id == "cross_district_level_iv_led_by_city":
        if value:
            return QCoreApplication.translate(
                "Report",
                "the city leads, approves, ends and releases information; the district "
                "supports the first response (§1.7)",
            )
        return QCoreApplication.translate("Report", "the district leads as at level IV")
    if setting_id == "followup_deadline_minutes":
        return QCoreApplication.translate(
            "Report",
            "a follow-up is due within {n} minutes of each material change the unit learns of",
        ).format(n=value)
    if setting_id == "final_report_deadline_minutes":
        if value is None:
            return QCoreApplication.translate(
                "Report",
                "no deadline in minutes: the final report counts when it is sent before the "
                "drill ends",
            )
        return QCoreApplication.translate(
            "Report", "the final report is due within {n} minutes after disposal ends"
        ).format(n=value)
    # A setting this module has no words for yet: the plan file's own note says it in words.
    note: str = getattr(settings, setting_id).note
    return readings.get((setting_id, value), note)


def plan_assessment(ctx: ReportContext, ev: Evaluation) -> str:
    """§9.3: how the plan's provisions held up, and which passages need a clearer text."""
    by_ref: dict[str, list[str]] = {}
    for line in ev.lines:
        by_ref.setdefault(line.plan_ref, []).append(line.status)
    head = head_row(
        (QCoreApplication.translate("Report", "Plan provision"), 20),
        (QCoreApplication.translate("Report", "Items"), 12),
        (QCoreApplication.translate("Report", "Met on time"), 14),
        (QCoreApplication.translate("Report", "Assessment"), 54),
    )
    rows = []
    for ref in sorted(by_ref, key=ref_key):
        statuses = by_ref[ref]
        met = statuses.count("met")
        rows.append(
            f'<tr><td style="white-space: nowrap">{esc(ref)}</td>'
            f'<td class="num">{len(statuses)}</td>'
            f'<td class="num">{met}</td><td>{esc(_verdict(met, len(statuses)))}</td></tr>'
        )
    settings = ctx.plan.settings
    readings = "".join(
        f"<li>{esc(getattr(settings, s).ref + ctx.colon)}"
        f"{esc((ctx.english and setting_question(s)) or getattr(settings, s).question)} "
        + esc(
            QCoreApplication.translate("Report", "This drill read it as: {note}.").format(
                note=setting_reading(settings, s)
            )
        )
        + "</li>"
        for s in questioned(settings)
    )
    intro = QCoreApplication.translate(
        "Report",
        "The plan requires each drill to assess the plan's practicality and operability "
        "(§9.3). The provisions the drill exercised:",
    )
    unclear = QCoreApplication.translate(
        "Report",
        "Passages whose text leaves a choice to the reader; the drill had to fix a reading, "
        "and the plan should state it when it is next revised:",
    )
    return (
        f"<p>{esc(intro)}</p>{table(head + ''.join(rows))}<p>{esc(unclear)}</p><ol>{readings}</ol>"
    )


def _verdict(met: int, items: int) -> str:
    if met == items:
        return QCoreApplication.translate("Report", "practical and operable as written")
    if met == 0:
        return QCoreApplication.translate(
            "Report", "not carried out in the drill: check that duties and deadlines are known"
        )
    return QCoreApplication.translate("Report", "partly carried out: see the problems above")


def ref_key(ref: str) -> tuple[int, ...]:
    digits = ref.lstrip("§").replace("(", ".").replace(")", "")
    return tuple(int(p) for p in digits.split(".") if p.isdigit())
