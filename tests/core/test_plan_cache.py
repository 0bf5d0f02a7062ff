"""The validated-plan cache: a hit is the plan the file gives; anything else is a miss.

A hit is recognised by what it returns: the tests plant a cache whose payload differs
from the file (with the payload's own hash made consistent), so a plan read from the
cache shows the planted title and a plan read from the file shows the real one.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from drill_app.core.plan import Plan, load_plan
from drill_app.core.plan_cache import cache_file, load_plan_cached
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN

REAL_TITLE = "济南市历下区城镇燃气突发事件应急预案"
PLANTED_TITLE = "缓存里的预案（不是文件里的）"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_bytes(DEFAULT_PLAN.read_bytes())
    return path


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "plans"


def plant(cache: Path, title: str = PLANTED_TITLE) -> None:
    """Rewrite the cached plan's title, keeping the header's payload hash consistent."""
    header_line, _, payload = cache.read_bytes().partition(b"\n")
    header = json.loads(header_line)
    data = json.loads(payload)
    data["identity"]["title"] = title
    new_payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    header["payload_sha256"] = hashlib.sha256(new_payload).hexdigest()
    cache.write_bytes(json.dumps(header).encode("utf-8") + b"\n" + new_payload)


def test_a_hit_gives_the_plan_a_fresh_validation_gives(plan_file: Path, cache_dir: Path) -> None:
    fresh = load_plan(plan_file)
    first = load_plan_cached(plan_file, cache_dir, "1.0")  # a miss: written
    cache = cache_file(cache_dir, plan_file)
    written = cache.read_bytes()
    again = load_plan_cached(plan_file, cache_dir, "1.0")  # a hit
    assert isinstance(again, Plan)
    assert again == fresh == first
    assert again.identity.title == REAL_TITLE
    assert again.model_dump() == fresh.model_dump()
    assert cache.read_bytes() == written  # a hit is not rewritten


def test_a_hit_is_read_from_the_cache(plan_file: Path, cache_dir: Path) -> None:
    load_plan_cached(plan_file, cache_dir, "1.0")
    plant(cache_file(cache_dir, plan_file))
    assert load_plan_cached(plan_file, cache_dir, "1.0").identity.title == PLANTED_TITLE


def test_a_changed_plan_file_misses(plan_file: Path, cache_dir: Path) -> None:
    load_plan_cached(plan_file, cache_dir, "1.0")
    plant(cache_file(cache_dir, plan_file))
    text = plan_file.read_text(encoding="utf-8")
    line = f"  title: {REAL_TITLE}\n"
    assert text.count(line) == 1
    plan_file.write_text(text.replace(line, "  title: 历下区燃气预案（修订）\n"), encoding="utf-8")

    plan = load_plan_cached(plan_file, cache_dir, "1.0")
    assert plan.identity.title == "历下区燃气预案（修订）"
    assert plan == load_plan(plan_file)
    # rewritten for the new text: the next start hits it
    plant(cache_file(cache_dir, plan_file), "再次植入")
    assert load_plan_cached(plan_file, cache_dir, "1.0").identity.title == "再次植入"


def test_another_app_version_misses(plan_file: Path, cache_dir: Path) -> None:
    load_plan_cached(plan_file, cache_dir, "1.0")
    plant(cache_file(cache_dir, plan_file))
    assert load_plan_cached(plan_file, cache_dir, "1.1").identity.title == REAL_TITLE


def test_another_model_misses(
    plan_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan model's source changed under the same version (a developer's build)."""
    from drill_app.core import plan_cache

    load_plan_cached(plan_file, cache_dir, "1.0")
    plant(cache_file(cache_dir, plan_file))
    monkeypatch.setattr(plan_cache, "model_fingerprint", lambda: "another model")
    assert load_plan_cached(plan_file, cache_dir, "1.0").identity.title == REAL_TITLE


def damage_payload_keep_header(cache: Path) -> None:
    header_line, _, payload = cache.read_bytes().partition(b"\n")
    flipped = payload.replace(REAL_TITLE.encode("utf-8"), PLANTED_TITLE.encode("utf-8"))
    assert flipped != payload
    cache.write_bytes(header_line + b"\n" + flipped)


def invalid_plan_with_consistent_hash(cache: Path) -> None:
    header_line, _, payload = cache.read_bytes().partition(b"\n")
    data = json.loads(payload)
    del data["units"]  # valid JSON, not a valid plan
    new_payload = json.dumps(data).encode("utf-8")
    header = json.loads(header_line)
    header["payload_sha256"] = hashlib.sha256(new_payload).hexdigest()
    cache.write_bytes(json.dumps(header).encode("utf-8") + b"\n" + new_payload)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda c: c.write_bytes(c.read_bytes()[:5000]), id="truncated"),
        pytest.param(lambda c: c.write_bytes(b"\x00\xff garbage \n{"), id="garbage"),
        pytest.param(lambda c: c.write_bytes(b""), id="empty"),
        pytest.param(lambda c: c.write_text("[1, 2]\n{}", encoding="utf-8"), id="not-a-header"),
        pytest.param(damage_payload_keep_header, id="payload-altered"),
        pytest.param(invalid_plan_with_consistent_hash, id="not-a-plan"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(
    plan_file: Path, cache_dir: Path, damage: object
) -> None:
    load_plan_cached(plan_file, cache_dir, "1.0")
    cache = cache_file(cache_dir, plan_file)
    good = cache.read_bytes()
    damage(cache)  # type: ignore[operator]

    plan = load_plan_cached(plan_file, cache_dir, "1.0")
    assert plan == load_plan(plan_file)
    assert plan.identity.title == REAL_TITLE
    assert cache.read_bytes() == good  # rewritten whole
    assert [p.name for p in cache_dir.iterdir()] == [cache.name]  # no partial file left


def test_an_invalid_plan_is_refused_and_never_cached(plan_file: Path, cache_dir: Path) -> None:
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 9"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as refused:
        load_plan_cached(plan_file, cache_dir, "1.0")
    assert str(plan_file) in str(refused.value)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_an_invalid_plan_is_refused_even_after_a_good_one_was_cached(
    plan_file: Path, cache_dir: Path
) -> None:
    load_plan_cached(plan_file, cache_dir, "1.0")
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(text.replace("schema_version: 1", "schema_version: 9"), encoding="utf-8")
    with pytest.raises(DataFileError):
        load_plan_cached(plan_file, cache_dir, "1.0")


def test_without_a_cache_folder_nothing_is_written(plan_file: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    assert load_plan_cached(plan_file, None, "1.0") == load_plan(plan_file)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unwritable_cache_folder_only_costs_time(plan_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert load_plan_cached(plan_file, blocker / "plans", "1.0") == load_plan(plan_file)


def test_without_the_source_the_model_is_known_by_its_code(
    plan_file: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A frozen build ships no .py files: the cache still works and still tells models apart."""
    from drill_app.core import plan_cache

    with_source = plan_cache.model_fingerprint()
    real_read = Path.read_bytes

    def no_source(path: Path) -> bytes:
        if path.parent == Path(plan_cache.__file__).parent and path.suffix == ".py":
            raise FileNotFoundError(path)
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", no_source)
    from_code = plan_cache.model_fingerprint()
    assert len(from_code) == 64 and from_code != with_source
    load_plan_cached(plan_file, cache_dir, "1.0")
    plant(cache_file(cache_dir, plan_file))
    assert load_plan_cached(plan_file, cache_dir, "1.0").identity.title == PLANTED_TITLE
