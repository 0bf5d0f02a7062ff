"""The host's engine under a burst: bounded groups, the controller's commands first.

In-process host on a real SQLite database; the burst is put straight into the host's
inbox on its own loop (as ``_submit`` does for frames), so the order is deterministic.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from roomtest import new_exercise, wait_until

from drill_app.core.scoring import ScoringRules
from drill_app.net.connection import MIN_GROUP, HostOptions
from drill_app.net.host import _GROUP, HostService
from drill_app.net.host_thread import HostThread
from drill_app.net.runner import Outcome, Submission
from drill_app.net.visibility import Viewer
from drill_app.store.store import Store

BURST = 6 * MIN_GROUP


@pytest.fixture
def host(tmp_path: Path, rules: ScoringRules) -> Iterator[tuple[HostThread, Store, list[int]]]:
    """A host whose groups are cut to the minimum (group_seconds tiny); the sizes of the
    groups it committed are recorded in the list."""
    store = Store.open(f"sqlite:///{tmp_path / 'engine.sqlite3'}")
    exercise_id = new_exercise(store)
    options = HostOptions(code="ENGINE", end_at_duration=False, group_seconds=1e-6)
    service = HostService(store, exercise_id, rules, options)
    sizes: list[int] = []
    submit_group = service.runner.submit_group

    def recorded(group: Sequence[Submission]) -> tuple[list[Outcome], list[Any]]:
        sizes.append(len(group))
        return submit_group(group)

    service.runner.submit_group = recorded  # type: ignore[method-assign]
    thread = HostThread(service)
    thread.start()
    thread.control("exercise_started")
    yield thread, store, sizes
    thread.stop()
    store.close()


def burst(n: int) -> list[Submission]:
    seat = Viewer("seat", "emergency")
    payload = {"report_kind": "followup", "recipients": ["district_government"]}
    return [
        Submission(seat, "应急局", f"burst-{k:04d}", "report_submitted", payload, 0.0)
        for k in range(n)
    ]


def test_a_burst_is_committed_in_bounded_groups_each_report_once(
    host: tuple[HostThread, Store, list[int]],
) -> None:
    thread, store, sizes = host
    service = thread.service

    def arrive() -> None:
        service._inbox.extend(burst(BURST))
        service._jobs.put_nowait(_GROUP)

    thread.call(arrive)
    wait_until(lambda: sum(sizes) == BURST, 30, "the burst committed")
    assert sizes == [MIN_GROUP] * (BURST // MIN_GROUP)
    reports = [e for e in store.events(service.exercise_id) if e.kind == "report_submitted"]
    assert len(reports) == BURST == len({e.id for e in reports})


def test_an_inject_released_during_a_burst_goes_before_the_reports_still_waiting(
    host: tuple[HostThread, Store, list[int]],
) -> None:
    thread, store, sizes = host
    service = thread.service
    inject = {"title": "插入注入", "text": "测试。", "source": "controller", "to": ["emergency"]}

    released: list[asyncio.Future[None]] = []

    def arrive() -> None:
        service._inbox.extend(burst(BURST))
        service._jobs.put_nowait(_GROUP)
        released.append(asyncio.ensure_future(service.control("inject_delivered", inject)))

    thread.call(arrive)
    wait_until(lambda: sum(sizes) == BURST and released[0].done(), 30, "the burst committed")
    log = [e.kind for e in store.events(service.exercise_id)]
    before = log[: log.index("inject_delivered")]
    # At most the one group the engine may already have taken went first; every other
    # report of the burst waited behind the inject.
    assert before.count("report_submitted") <= MIN_GROUP
    assert log.count("report_submitted") == BURST
