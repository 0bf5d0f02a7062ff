"""The seat's outbox on disk: what was sent and not yet acknowledged survives anything."""

from __future__ import annotations

from pathlib import Path

from drill_app.net.outbox import Outbox, Pending


def test_pending_submissions_survive_a_reopen_and_a_torn_last_line(tmp_path: Path) -> None:
    box = Outbox(tmp_path)
    box.put(Pending("s-000001", "report_submitted", {"report_kind": "phone"}, 1.0))
    box.put(Pending("s-000002", "level_determined", {"level": "IV"}, 2.0))
    box.put(Pending("s-000003", "information_released", {"text": "已发布"}, 3.0))
    assert box.done("s-000001") and not box.done("s-000001")
    box.save_last_seq(17)
    box.close()
    with (tmp_path / "outbox.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"op": "done", "id": "s-0000')  # killed in the middle of a write

    again = Outbox(tmp_path)
    assert [p.id for p in again.pending()] == ["s-000002", "s-000003"]
    assert again.pending()[1].payload == {"text": "已发布"}
    assert again.last_seq == 17
    again.close()
    # Compacted when opened: only what is still pending is on disk.
    assert (tmp_path / "outbox.jsonl").read_text(encoding="utf-8").count("\n") == 2
