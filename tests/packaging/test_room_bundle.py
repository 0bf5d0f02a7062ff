"""The bundle's network layer (issue 15): a frozen host and a frozen seat play an exercise.

websockets loads its API lazily and zeroconf's compiled modules import each other from
C, so a freezer can miss them; this runs the built `drill-app host` headless and a
built `drill-app seat` against it, the way a training room would.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from packaged import Built
from smoke import ROOM_UNIT, Checks, received


@pytest.fixture
def checks(built: Built, tmp_path: Path) -> Checks:
    """The built bundle itself (the .deb's installation is another test file's, and
    one of its tests removes it)."""
    home = tmp_path / "home"
    home.mkdir()
    return Checks(built.bundle / "drill-app", home)


def test_a_bundled_host_is_found_and_a_bundled_seat_joins_acts_and_sees_the_end(
    checks: Checks,
) -> None:
    found, messages = checks.room()
    exercise = messages[0]["exercise"]
    assert [h["announced"] for h in found if h["exercise"] == exercise] == [True]  # zeroconf
    counts = received(messages)
    assert counts["welcome"] == 1
    assert counts["ack"] == 1  # the unit's one line of the actions file, on disk at the host
    assert counts["event:exercise_ended"] == 1
    injects = [m["event"] for m in messages if m.get("event", {}).get("kind") == "inject_delivered"]
    assert [i["payload"]["title"] for i in injects] == [
        "119/110指挥中心：山海社区爆炸警情",
        "现场搜救发现2名遇难者",
    ]
    assert all(i["payload"]["to"] == [ROOM_UNIT] for i in injects)  # never other recipients
    own = [m["event"] for m in messages if m.get("event", {}).get("kind") == "step_taken"]
    assert [(e["unit"], e["payload"]["step"]) for e in own] == [(ROOM_UNIT, "repair")]
