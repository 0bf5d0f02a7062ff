"""Writes the hostile-file corpus (tests/hostile/corpus/); run it again to regenerate.

Each file is one way a scenario, an actions file or an export file can be hostile
or broken.  The files are committed, so CI runs them all without this script.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = (ROOT / "scenarios" / "a-shanhai-explosion.yaml").read_text(encoding="utf-8")
ACTIONS = (ROOT / "tests" / "fixtures" / "replays" / "a-perfect.jsonl").read_text(encoding="utf-8")
OUT = Path(__file__).resolve().parent / "corpus"


def alias_bomb() -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def scenarios() -> dict[str, bytes]:
    text = SCENARIO
    return {
        "alias-bomb.yaml": alias_bomb().encode(),
        "alias-cycle.yaml": b"format: 1\nid: &x [*x, *x, *x]\n",
        "deep-flow.yaml": b"format: 1\nid: " + b"[" * 20000 + b"]" * 20000 + b"\n",
        "deep-block.yaml": "".join("  " * i + f"k{i}:\n" for i in range(500)).encode(),
        "nul.yaml": text.replace("title:", "title: \x00", 1).encode(),
        "control-char.yaml": text.replace("title:", "title: \x1b[31m", 1).encode(),
        "invalid-utf8.yaml": text.encode().replace("山海".encode(), b"\xff\xfe\xfa", 1),
        "utf16-bom.yaml": text.encode("utf-16"),
        "huge-integer.yaml": text.replace(
            "duration_minutes: 240", "duration_minutes: " + "9" * 6000
        ).encode(),
        "overflow-float.yaml": text.replace(
            "duration_minutes: 240", "duration_minutes: 1.0e+400"
        ).encode(),
        "infinite.yaml": text.replace("duration_minutes: 240", "duration_minutes: .inf").encode(),
        "not-a-number.yaml": text.replace(
            "duration_minutes: 240", "duration_minutes: .nan"
        ).encode(),
        "negative-duration.yaml": text.replace(
            "duration_minutes: 240", "duration_minutes: -5"
        ).encode(),
        "inject-after-end.yaml": text.replace(
            "duration_minutes: 240", "duration_minutes: 10"
        ).encode(),
        "negative-inject.yaml": text.replace("    at: 0\n", "    at: -30\n", 1).encode(),
        "huge-string.yaml": text.replace("title:", "title: " + "长" * 200_000 + " #", 1).encode(),
        "huge-list.yaml": ("format: 1\nseats: [" + ",".join(["a"] * 60_000) + "]\n").encode(),
        "too-large.yaml": b"# " + b"x" * (3 * 1024 * 1024) + b"\n",
        "empty.yaml": b"",
        "not-a-mapping.yaml": b"- just\n- a list\n",
        "tab-indent.yaml": b"format: 1\n\tid: x\n",
        "binary.yaml": bytes(range(256)) * 4,
        "duplicate-key.yaml": (text + "\nformat: 2\n").encode(),
        "python-object.yaml": b"format: !!python/object/apply:os.system ['echo hi']\n",
    }


def actions() -> dict[str, bytes]:
    first = ACTIONS.splitlines()[1]
    obj = json.loads(first)

    def line(**change: object) -> bytes:
        return json.dumps({**obj, **change}).encode() + b"\n"

    return {
        "at-nan.jsonl": first.replace('"at": 1', '"at": NaN').encode(),
        "at-infinity.jsonl": first.replace('"at": 1', '"at": Infinity').encode(),
        "at-overflow.jsonl": first.replace('"at": 1', '"at": 1e999').encode(),
        "at-huge-integer.jsonl": first.replace('"at": 1', '"at": ' + "9" * 6000).encode(),
        "at-negative.jsonl": line(at=-1),
        "at-after-end.jsonl": line(at=100000),
        "at-text.jsonl": line(at="ten"),
        "deep-payload.jsonl": (
            '{"at": 1, "unit": "towngas", "kind": "step_taken", "payload": '
            + '{"a":' * 50000
            + "1"
            + "}" * 50000
            + "}\n"
        ).encode(),
        "nul.jsonl": first.replace("cordon", "cor\\u0000don").encode() + b"\n\x00\n",
        "invalid-utf8.jsonl": first.encode() + b"\n\xff\xfe\n",
        "utf16-bom.jsonl": ACTIONS.encode("utf-16"),
        "not-an-object.jsonl": b"[1, 2, 3]\n",
        "unknown-kind.jsonl": line(kind="launch_missiles"),
        "unknown-unit.jsonl": line(unit="nobody"),
        "payload-not-object.jsonl": line(payload=[1, 2]),
        "too-large.jsonl": b"#" + b"x" * (3 * 1024 * 1024) + b"\n",
    }


def base_export() -> dict[str, Any]:
    """A real export: the perfect run of scenario A, saved and exported."""
    import datetime as dt
    import tempfile

    from drill_app.core.plan import load_plan
    from drill_app.core.replay import parse_actions, replay
    from drill_app.core.scenario import load_scenario
    from drill_app.core.scoring import load_scoring_rules
    from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
    from drill_app.store.portable import export_exercise
    from drill_app.store.store import NewExercise, SeatInfo, Store

    path = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
    plan = load_plan(DEFAULT_PLAN)
    scenario = load_scenario(plan, path)
    rules = load_scoring_rules(DEFAULT_SCORING)
    run, _ = replay(plan, scenario, rules, parse_actions(ACTIONS, "a"), exercise_id="hostile-1")
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(f"sqlite:///{tmp}/x.sqlite3") as store:
            store.create_exercise(
                NewExercise(
                    title=scenario.title,
                    plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                    scenario_text=SCENARIO,
                    held_on=dt.date(2026, 11, 20),
                    seats=tuple(SeatInfo(u) for u in scenario.seats),
                    exercise_id="hostile-1",
                ),
                run.events,
            )
            store.add_improvement(
                issue="电话报告迟报",
                action="修订值班接报流程",
                element="plan_revision",
                owner_unit="emergency",
                due_date=dt.date(2027, 3, 31),
                exercise_id="hostile-1",
            )
            export_exercise(store, "hostile-1", Path(tmp) / "x.json")
        doc: dict[str, Any] = json.loads((Path(tmp) / "x.json").read_text(encoding="utf-8"))
    return doc


def rechain(doc: dict[str, Any]) -> dict[str, Any]:
    """Recompute every hash, as a forger would, so only the content checks can refuse it."""
    from drill_app.store.chain import EventFields, RecordFields, chain_hash, genesis_hash

    for part in ("plan", "scenario"):
        doc[part]["sha256"] = hashlib.sha256(doc[part]["content"].encode()).hexdigest()
    ex = doc["exercise"]
    record = RecordFields(
        exercise_id=ex["id"],
        title=ex["title"],
        held_on=ex["held_on"],
        exercise_type=ex["exercise_type"],
        location=ex["location"],
        controller=ex["controller"],
        evaluators=tuple(ex["evaluators"]),
        seats=tuple((s["unit_id"], s["participant"], s["workstation"]) for s in ex["seats"]),
        options=ex["options"],
        plan_sha256=doc["plan"]["sha256"],
        scenario_sha256=doc["scenario"]["sha256"],
        scoring_sha256=ex["scoring_sha256"],
    )
    prev = genesis_hash(record)
    for n, e in enumerate(doc["events"], start=1):
        e["seq"], e["prev_hash"] = n, prev
        fields = EventFields(
            e["id"],
            e["kind"],
            e["actor"],
            e["unit"],
            e["payload"],
            e["scenario_time"],
            e["wall_time"],
        )
        e["hash"] = prev = chain_hash(prev, doc["exercise"]["id"], n, fields)
    doc["head_hash"] = prev
    return doc


def swap_later(doc: dict[str, Any]) -> None:
    """Event 4 changes place with the first event recorded at a later time."""
    events = doc["events"]
    later = next(i for i, e in enumerate(events) if e["scenario_time"] > events[3]["scenario_time"])
    events[3], events[later] = events[later], events[3]


def exports() -> dict[str, bytes]:
    base = base_export()

    def edited(change: Any, *, forge: bool = False) -> bytes:
        doc = copy.deepcopy(base)
        change(doc)
        if forge:
            rechain(doc)
        return json.dumps(doc, ensure_ascii=False, indent=1).encode()

    def set_(path: str, value: Any) -> Any:
        def change(doc: dict[str, Any]) -> None:
            *parents, last = path.split(".")
            target: Any = doc
            for part in parents:
                target = target[int(part)] if isinstance(target, list) else target[part]
            if isinstance(target, list):
                target[int(last)] = value
            else:
                target[last] = value

        return change

    text = json.dumps(base, ensure_ascii=False, indent=1)
    return {
        "payload-edited.json": text.replace('\\"cordon\\"', '\\"evacuate\\"', 1).encode(),
        "date-edited.json": edited(set_("exercise.held_on", "2026-11-27")),
        "plan-deadline-edited.json": edited(
            lambda d: d["plan"].update(
                content=d["plan"]["content"].replace("deadline_minutes: 20", "deadline_minutes: 60")
            )
        ),
        "events-truncated.json": edited(lambda d: d.update(events=d["events"][:-3])),
        "events-swapped.json": edited(
            lambda d: d["events"].__setitem__(slice(3, 5), d["events"][4:2:-1])
        ),
        "forged-events-swapped.json": edited(swap_later, forge=True),
        "forged-unknown-kind.json": edited(set_("events.3.kind", "launch_missiles"), forge=True),
        "forged-payload-not-json.json": edited(set_("events.3.payload", "{not json"), forge=True),
        "forged-payload-list.json": edited(set_("events.3.payload", "[1, 2]"), forge=True),
        "forged-time-negative.json": edited(set_("events.3.scenario_time", -60.0), forge=True),
        "forged-bad-plan.json": edited(
            lambda d: d["plan"].update(content="format: 1\nid: [\n"), forge=True
        ),
        "forged-scenario-for-another-plan.json": edited(
            lambda d: d["scenario"].update(
                content=d["scenario"]["content"].replace(
                    "seats: [housing", "seats: [nobody, housing", 1
                )
            ),
            forge=True,
        ),
        "forged-title-too-long.json": edited(set_("exercise.title", "长" * 300), forge=True),
        "forged-status-unknown.json": edited(set_("exercise.status", "hacked"), forge=True),
        "forged-date-invalid.json": edited(set_("exercise.held_on", "2026-02-30"), forge=True),
        "forged-element-unknown.json": edited(
            set_("improvements.0.element", "weapons"), forge=True
        ),
        "forged-seat-twice.json": edited(
            lambda d: d["exercise"]["seats"].append(d["exercise"]["seats"][0]), forge=True
        ),
        "forged-event-id-twice.json": edited(
            set_("events.4.id", base["events"][3]["id"]), forge=True
        ),
        "time-nan.json": text.replace('"scenario_time": 0.0', '"scenario_time": NaN', 1).encode(),
        "seq-huge.json": text.replace('"seq": 1,', '"seq": ' + "9" * 5000 + ",", 1).encode(),
        "title-nul.json": edited(set_("exercise.title", "演练\x00")),
        "wrong-format.json": edited(set_("format", "drill-app-exercise/99")),
        "missing-events.json": edited(lambda d: d.pop("events")),
        "extra-field.json": edited(set_("surprise", True)),
        "not-an-object.json": b"[]",
        "deep.json": b"[" * 100000 + b"]" * 100000,
        "invalid-utf8.json": text.encode()[:200] + b"\xff" + text.encode()[200:],
        "utf16-bom.json": text.encode("utf-16"),
        "truncated-file.json": text.encode()[: len(text) // 2],
        "empty.json": b"",
    }


def main() -> None:
    corpus = (("scenarios", scenarios()), ("actions", actions()), ("exports", exports()))
    for folder, files in corpus:
        target = OUT / folder
        target.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (target / name).write_bytes(data)


if __name__ == "__main__":
    main()
