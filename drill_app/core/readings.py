"""The readings a plan file fixes for its ambiguous passages, as plain text lines.

``plan check`` prints them so a reviewer sees, with each §, which reading the rules
follow; the plan browser and the after-action report show the same data.
"""

from __future__ import annotations

from dataclasses import dataclass

from drill_app.core.plan import Plan


@dataclass(frozen=True)
class SettingInForce:
    name: str
    ref: str
    question: str
    value: object
    note: str


def settings_in_force(plan: Plan) -> list[SettingInForce]:
    """Every setting of the plan file, in file order, with the value in force."""
    out = []
    for name in type(plan.settings).model_fields:
        setting = getattr(plan.settings, name)
        out.append(SettingInForce(name, setting.ref, setting.question, setting.value, setting.note))
    return out


def readings_lines(plan: Plan) -> list[str]:
    """Terminal lines: each setting (§, question, value in force, note), then each reading."""
    lines = ["解读设置（规则按此执行）："]
    for s in settings_in_force(plan):
        value = "null" if s.value is None else str(s.value).lower()
        lines.append(f"  {s.ref} {s.name} = {value}：{s.question}")
        lines.append(f"      {s.note}")
    lines.append("数据解读：")
    for reading in plan.readings:
        lines.append(f"  {reading.ref} {reading.id}：{reading.question}")
        lines.append(f"      {reading.reading}")
    return lines
