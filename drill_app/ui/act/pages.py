"""The action pages of a unit, in their order: one list for the console's act-as-unit
panel and the trainee window, each page with the kinds of action it sends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from drill_app.ui.act.base import ActContext, ActionPageWidget
from drill_app.ui.act.command_pages import CommandActionWidget, InformationActionWidget
from drill_app.ui.act.decision_pages import GroupsActionWidget, WarningActionWidget
from drill_app.ui.act.measure_pages import StepsActionWidget, SupplyActionWidget
from drill_app.ui.act.report_pages import LevelActionWidget, ReportActionWidget

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PageSpec:
    attr: str
    """The attribute the panel keeps the page in (``report_page`` …)."""
    page: type[ActionPageWidget]
    name: Callable[[], str]
    kinds: frozenset[str]
    """The kinds of action the page sends."""


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "report_page",
        ReportActionWidget,
        lambda: translate("ActAsUnitPanel", "Reports"),
        frozenset({"report_submitted"}),
    ),
    PageSpec(
        "level_page",
        LevelActionWidget,
        lambda: translate("ActAsUnitPanel", "Level"),
        frozenset({"level_determined"}),
    ),
    PageSpec(
        "groups_page",
        GroupsActionWidget,
        lambda: translate("ActAsUnitPanel", "Working groups"),
        frozenset({"group_activated", "group_stood_down"}),
    ),
    PageSpec(
        "warning_page",
        WarningActionWidget,
        lambda: translate("ActAsUnitPanel", "Warning"),
        frozenset({"warning_issued", "warning_changed", "warning_lifted"}),
    ),
    PageSpec(
        "steps_page",
        StepsActionWidget,
        lambda: translate("ActAsUnitPanel", "Steps and measures"),
        frozenset({"step_taken"}),
    ),
    PageSpec(
        "supply_page",
        SupplyActionWidget,
        lambda: translate("ActAsUnitPanel", "Gas supply"),
        frozenset({"supply_cut", "supply_restored"}),
    ),
    PageSpec(
        "command_page",
        CommandActionWidget,
        lambda: translate("ActAsUnitPanel", "Command and response"),
        frozenset(CommandActionWidget.KINDS),
    ),
    PageSpec(
        "information_page",
        InformationActionWidget,
        lambda: translate("ActAsUnitPanel", "Information and support"),
        frozenset({"information_released", "help_requested"}),
    ),
)


def build_pages(
    context: ActContext, parent: QWidget, allowed: frozenset[str] | None = None
) -> list[tuple[PageSpec, ActionPageWidget]]:
    """The pages (all, or those sending a kind in *allowed*), each limited to *allowed*."""
    built = []
    for spec in PAGES:
        if allowed is not None and not spec.kinds & allowed:
            continue
        page = spec.page(context, parent)
        if allowed is not None:
            page.limit_to(allowed)
        page.explain_controls()
        built.append((spec, page))
    return built
