"""The facts vocabulary: what a scenario can say about an incident at a moment.

The names are shared by the rules engine, scenario files and the `classify`
command.  Extend the vocabulary; never rename an entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

FactKind = Literal["count", "amount", "percent", "pressure", "flag"]


@dataclass(frozen=True)
class FactDef:
    key: str
    kind: FactKind
    label_zh: str
    label_en: str
    unit: str = ""

    @property
    def is_flag(self) -> bool:
        return self.kind == "flag"


FACTS: tuple[FactDef, ...] = (
    FactDef("deaths", "count", "死亡人数", "deaths", "人"),
    FactDef("serious_injuries", "count", "重伤人数", "serious injuries", "人"),
    FactDef("minor_injuries", "count", "轻伤人数", "minor injuries", "人"),
    FactDef("direct_loss_yuan", "amount", "直接经济损失", "direct economic loss", "元"),
    FactDef(
        "households_without_gas_24h",
        "count",
        "连续停气24小时以上居民户数",
        "households without gas for 24 h or more",
        "户",
    ),
    FactDef(
        "evacuated_people",
        "count",
        "因超压运行紧急疏散人数",
        "people evacuated (over-pressure operation)",
        "人",
    ),
    FactDef(
        "cordon_evacuated_people",
        "count",
        "警戒区内撤离人数",
        "people evacuated from the cordon",
        "人",
    ),
    FactDef(
        "demand_excess_pct",
        "percent",
        "预测日用气负荷高于上游日供气计划",
        "forecast daily demand above the upstream supply plan",
        "%",
    ),
    FactDef(
        "households_affected", "count", "预计影响正常用气居民户数", "households affected", "户"
    ),
    FactDef(
        "subhigh_a_pressure_mpa", "pressure", "次高压A类管网压力", "sub-high A pressure", "MPa"
    ),
    FactDef("high_a_pressure_mpa", "pressure", "高压A类管网压力", "high A pressure", "MPa"),
    FactDef("subhigh_pressure_mpa", "pressure", "次高压管网压力", "sub-high pressure", "MPa"),
    FactDef("high_pressure_mpa", "pressure", "高压管网压力", "high pressure", "MPa"),
    FactDef(
        "pressure_falling_after_supplement",
        "flag",
        "采取应急补充气源后管网压力仍持续下降",
        "pressure still falling after emergency supplementary gas",
    ),
    FactDef("gas_leak", "flag", "燃气泄漏", "gas leak"),
    FactDef("fire", "flag", "燃气火灾", "gas fire"),
    FactDef("explosion", "flag", "燃气爆炸", "gas explosion"),
    FactDef("cross_district", "flag", "涉及跨区县行政区域", "crosses district boundaries"),
    FactDef(
        "beyond_district_capacity",
        "flag",
        "险情已超出本区处置能力",
        "beyond what the district can handle (§5.4)",
    ),
    FactDef("sensitive_event", "flag", "弃供等敏感突发事件", "sensitive event (e.g. 弃供)"),
    FactDef(
        "disposal_ended", "flag", "处置结束", "disposal ended (scene under control, repair begun)"
    ),
)

FACTS_BY_KEY: Mapping[str, FactDef] = {f.key: f for f in FACTS}

FactValue = int | float | bool
Facts = Mapping[str, FactValue]


class FactsError(ValueError):
    """A set of facts is not valid; the message names the key and the problem.

    ``key`` is the fact concerned (None when the whole value is wrong) and ``problem``
    one of the core's field problems (``drill_app.core.refusals.FieldProblem``).
    """

    def __init__(self, message: str, key: str | None = None, problem: str = "invalid") -> None:
        super().__init__(message)
        self.key = key
        self.problem = problem


def validate_facts(raw: object) -> dict[str, FactValue]:
    """Check a decoded JSON/YAML object of facts and return it typed.

    Raises FactsError naming the first problem: not an object, unknown key,
    wrong type, negative value.
    """
    if not isinstance(raw, dict):
        raise FactsError(
            f"facts must be an object of key: value, got {_kind(raw)}", None, "wrong_type"
        )
    result: dict[str, FactValue] = {}
    for key, value in raw.items():
        definition = FACTS_BY_KEY.get(key) if isinstance(key, str) else None
        if definition is None:
            raise FactsError(
                f"unknown fact {key!r} (known: {', '.join(FACTS_BY_KEY)})", str(key), "unknown_fact"
            )
        if definition.is_flag:
            if not isinstance(value, bool):
                raise FactsError(
                    f"fact {key!r} must be true or false, got {_kind(value)}", key, "not_flag"
                )
            result[key] = value
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FactsError(
                f"fact {key!r} must be a number, got {_kind(value)}", key, "not_number"
            )
        if value != value or value in (float("inf"), float("-inf")):
            raise FactsError(f"fact {key!r} must be a finite number", key, "not_finite")
        if value < 0:
            raise FactsError(f"fact {key!r} must not be negative, got {value}", key, "negative")
        if definition.kind == "count" and isinstance(value, float) and not value.is_integer():
            raise FactsError(
                f"fact {key!r} is a count and must be a whole number, got {value}", key, "not_whole"
            )
        result[key] = value
    return result


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
