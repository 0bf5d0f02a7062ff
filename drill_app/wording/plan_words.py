"""Names from the plan (and the scenario) in the interface language: defined once.

Chinese mode shows the plan's own names; English mode its ``*_en`` names where the plan
has them (steps and scenario texts exist in Chinese only). Every window, document and
the command line names units, bodies, groups, levels, colours, user classes, steps and
facts through this one class.
"""

from __future__ import annotations

from collections.abc import Iterable

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan import Plan
from drill_app.core.scenario import SOURCE_NAMES, Scenario
from drill_app.wording.language import interface_is_english, translate


def step_list_names() -> tuple[str, ...]:
    """The names of the plan's lists of steps, in the order of ``Actions.step_lists``."""
    return (
        translate("StepLists", "First response: safety incidents"),
        translate("StepLists", "First response: supply"),
        translate("StepLists", "On a warning"),
        translate("StepLists", "Response: safety incidents"),
        translate("StepLists", "Response: supply"),
        translate("StepLists", "Response: leaders on scene"),
    )


class PlanWords:
    """Names from the plan in the interface language (English mode uses the plan's *_en)."""

    def __init__(
        self, plan: Plan, english: bool | None = None, scenario: Scenario | None = None
    ) -> None:
        self.plan = plan
        self.scenario = scenario
        self.english = interface_is_english() if english is None else english

    # --- who --------------------------------------------------------------------------

    def party(self, party_id: str) -> str:
        """A unit or a body (区住建局, 区政府 …)."""
        party = self.plan.parties.get(party_id)
        if party is None:
            return party_id
        return party.name_en if self.english else party.name

    def short_party(self, party_id: str) -> str:
        """The shortest name the plan knows a unit by (区住建局, 港华燃气 …)."""
        unit = self.plan.units_by_id.get(party_id)
        if unit is None or self.english:
            return self.party(party_id)
        return min([unit.name, *unit.aliases], key=len)

    def unit_colour(self, unit_id: str) -> str:
        """The unit's colour (``palette.UNIT_COLOURS`` by its place in the plan)."""
        from drill_app.wording.palette import HINT_COLOUR, UNIT_COLOURS

        ids = [u.id for u in self.plan.units]
        if unit_id not in ids:
            return HINT_COLOUR
        return UNIT_COLOURS[ids.index(unit_id) % len(UNIT_COLOURS)]

    def parties(self, party_ids: Iterable[str]) -> str:
        return self.listing([self.party(i) for i in party_ids])

    def group(self, group_id: str) -> str:
        group = self.plan.groups_by_id.get(group_id)
        if group is None:
            return group_id
        return group.name_en if self.english else group.name

    # --- what ---------------------------------------------------------------------------

    def level(self, level_id: str) -> str:
        level = self.plan.level(level_id)  # type: ignore[arg-type]
        if self.english:
            return f"Level {level_id} ({level.name_en})"
        return f"{level_id}级（{level.name}）"

    def colour(self, colour_id: str) -> str:
        for colour in self.plan.warnings.colours:
            if colour.id == colour_id:
                return colour.name_en if self.english else colour.name
        return colour_id

    def user_class(self, class_id: str) -> str:
        for user in self.plan.actions.supply_priority:
            if user.id == class_id:
                return user.name_en if self.english else user.name
        return class_id

    def step(self, step_id: str) -> str:
        """A first-response step, warning action or measure (the plan's text)."""
        step = self.plan.steps_by_id.get(step_id)
        return step.text if step is not None else step_id

    def category(self, category_id: str) -> str:
        for category in self.plan.categories:
            if category.id == category_id:
                return category.name_en if self.english else category.name
        return category_id

    def fact(self, key: str) -> str:
        definition = FACTS_BY_KEY.get(key)
        if definition is None:
            return key
        return definition.label_en if self.english else definition.label_zh

    def fact_unit(self, key: str) -> str:
        return "" if self.english else FACTS_BY_KEY[key].unit

    # --- the scenario ---------------------------------------------------------------------

    def inject_title(self, inject_id: str) -> str:
        """A scripted inject's title (its id when there is no scenario at hand)."""
        inject = self.scenario.injects_by_id.get(inject_id) if self.scenario else None
        return inject.title if inject is not None else inject_id

    def inject(self, inject_id: str) -> str:
        """A scripted inject, quoted by its title."""
        return f"“{self.inject_title(inject_id)}”"

    def objective(self, objective_id: str) -> str:
        if self.scenario is not None:
            for objective in self.scenario.objectives:
                if objective.id == objective_id:
                    return objective.text
        return objective_id

    def source(self, source: str) -> str:
        return SOURCE_NAMES.get(source, source)

    def listing(self, names: list[str]) -> str:
        return ", ".join(names) if self.english else "、".join(names)
