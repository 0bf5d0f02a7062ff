"""A validated plan kept between starts, keyed by the plan file's content.

Reading the plan file (YAML with the position of every value, then validation and
the cross-references) is the slow part of loading a plan; the validated plan, dumped
as JSON, is read back in a fraction of that time.  The cache is one file per plan
path in a folder the caller chooses (the user's cache folder); it holds:

- a header line (JSON): the cache format, the app version, a fingerprint of the
  plan model's source, the SHA-256 of the plan file's text and of the payload;
- the payload: the plan as JSON (``Plan.model_dump_json``).

A hit needs every key to match and the payload to hash as the header says; it is
then validated again by the plan model (JSON validation, no YAML).  Anything else
(another plan text, another app version or model, a damaged or truncated file,
unreadable JSON) is a miss: the plan file is read and validated as usual and the
cache file is rewritten.  An invalid plan is never cached; the cache is only ever
a copy of what ``load_plan`` would return.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import marshal
import os
import tempfile
from pathlib import Path

from pydantic import ValidationError

from drill_app.core.plan import Plan, plan_from_document
from drill_app.core.sourcefile import parse_yaml, read_text_file

CACHE_FORMAT = 1
_MODEL_SOURCES = ("plan.py", "plan_base.py", "plan_warnings.py", "plan_checks.py", "facts.py")


def model_fingerprint() -> str:
    """SHA-256 over the modules that define and check the plan model.

    A changed model (even under the same app version, as in development) misses.  Their
    source when it is there, else their code (a frozen build ships no source); OSError
    when neither can be read (then the caller does without the cache).
    """
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for name in _MODEL_SOURCES:
        digest.update(name.encode())
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(_code_of(f"{__package__}.{name.removesuffix('.py')}"))
    return digest.hexdigest()


def _code_of(module: str) -> bytes:
    spec = importlib.util.find_spec(module)
    get_code = getattr(spec.loader, "get_code", None) if spec is not None else None
    code = get_code(module) if get_code is not None else None
    if code is None:
        raise OSError(f"neither the source nor the code of {module} can be read")
    return marshal.dumps(code)


def cache_file(cache_dir: Path, plan_path: Path) -> Path:
    """The cache file of *plan_path* (one per plan path; its content says for which text)."""
    where = hashlib.sha256(str(plan_path.resolve()).encode("utf-8")).hexdigest()[:24]
    return cache_dir / f"plan-{where}.json"


def load_plan_cached(path: Path, cache_dir: Path | None, app_version: str) -> Plan:
    """The plan in *path*, from the cache in *cache_dir* when it holds this very text.

    Raises DataFileError as ``load_plan`` does.  *cache_dir* None: no cache.
    """
    text = read_text_file(path)
    if cache_dir is None:
        return plan_from_document(parse_yaml(text, str(path)))
    try:
        key = _key(text, app_version)
    except OSError:  # the model's source is not readable (a frozen build): no cache
        return plan_from_document(parse_yaml(text, str(path)))
    target = cache_file(cache_dir, path)
    cached = _read_cache(target, key)
    if cached is not None:
        return cached
    plan = plan_from_document(parse_yaml(text, str(path)))
    _write_cache(target, key, plan)
    return plan


def _key(text: str, app_version: str) -> dict[str, object]:
    return {
        "format": CACHE_FORMAT,
        "app_version": app_version,
        "model": model_fingerprint(),
        "plan_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def _read_cache(target: Path, key: dict[str, object]) -> Plan | None:
    """The cached plan if *target* holds one for *key*, intact; None otherwise."""
    try:
        raw = target.read_bytes()
    except OSError:
        return None
    header_line, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(header_line)
    except ValueError:
        return None
    if not isinstance(header, dict) or header.get("key") != key:
        return None
    if header.get("payload_sha256") != hashlib.sha256(payload).hexdigest():
        return None
    try:
        return Plan.model_validate_json(payload)
    except ValidationError:
        return None


def _write_cache(target: Path, key: dict[str, object], plan: Plan) -> None:
    """Write the cache file whole (a temporary file renamed), or not at all."""
    payload = plan.model_dump_json().encode("utf-8")
    header = {"key": key, "payload_sha256": hashlib.sha256(payload).hexdigest()}
    data = json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + payload
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=target.name, suffix=".part", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(partial).replace(target)
        except OSError:
            Path(partial).unlink(missing_ok=True)
            raise
