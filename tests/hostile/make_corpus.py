"""Writes the hostile-file corpus (tests/hostile/corpus/); run it again to regenerate.

Each file is one way a scenario, an actions file or an export file can be hostile
or broken.  The files are committed, so CI runs them all without this script.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = (ROOT / "scenarios" / "a-shanhai-explosion.yaml").read_text(encoding="utf-8")
ACTIONS = (ROOT / "tests" / "fixtures" / "replays" / "a-perfect.jsonl").read_text(
    encoding="utf-8"
)
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
        "huge-integer.yaml": text.replace("duration_minutes: 240", "duration_minutes: " + "9" * 6000).encode(),
        "overflow-float.yaml": text.replace("duration_minutes: 240", "duration_minutes: 1.0e+400").encode(),
        "infinite.yaml": text.replace("duration_minutes: 240", "duration_minutes: .inf").encode(),
        "not-a-number.yaml": text.replace("duration_minutes: 240", "duration_minutes: .nan").encode(),
        "negative-duration.yaml": text.replace("duration_minutes: 240", "duration_minutes: -5").encode(),
        "inject-after-end.yaml": text.replace("duration_minutes: 240", "duration_minutes: 10").encode(),
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


def main() -> None:
    for folder, files in (("scenarios", scenarios()), ("actions", actions())):
        target = OUT / folder
        target.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (target / name).write_bytes(data)


if __name__ == "__main__":
    main()
