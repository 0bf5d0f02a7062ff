"""Reading YAML/JSON data files while keeping where each value stood.

Plan and scenario files are edited by people; an error must name the file, the
line and the column.  PyYAML's composer gives every node its position; we build
the plain Python value and a table from value paths to positions side by side.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from drill_app.core.refusals import Refusal

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass(frozen=True)
class Problem:
    """One located problem in a data file."""

    file: str
    line: int
    column: int
    message: str
    fatal: bool = False
    """The file cannot be read as data at all (encoding, syntax, a limit, a number
    beyond what a drill can mean), as opposed to data that is read but wrong."""
    refusal: Refusal | None = None
    """Set when the problem is a command the engine refused (a replay): the words for users."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DataFileError(Exception):
    """A data file could not be read or is invalid; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class SourceDocument:
    """A parsed YAML document: its data and the position of every value in it."""

    file: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, path: Iterable[str | int]) -> Position:
        """Where the value at *path* stands, or its nearest enclosing value."""
        key = tuple(path)
        while key:
            found = self.positions.get(key)
            if found is not None:
                return found
            key = key[:-1]
        return self.positions.get((), Position(1, 1))

    def problem(self, path: Iterable[str | int], message: str) -> Problem:
        pos = self.position(path)
        return Problem(self.file, pos.line, pos.column, message)


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


# --- limits: part of the file format, so a hostile file is refused, not obeyed ----------

MAX_FILE_BYTES = 2 * 1024 * 1024
"""The largest plan, scenario, rules or actions file read (the Lixia plan is ~43 KB)."""
MAX_DEPTH = 40
"""Deepest nesting of mappings and lists (real files nest fewer than ten levels)."""
MAX_NODES = 50_000
"""Values built, aliases expanded included: a "billion laughs" file stops here at once."""
MAX_ALIASES = 1_000
"""Alias uses (``*name``) in one document."""
MAX_TEXT = 100_000
"""Characters in one text value."""
MAX_INT_DIGITS = 15
"""Integers beyond this many digits mean nothing in a drill (and cost time to convert)."""


class _Limit(Exception):
    def __init__(self, node: yaml.Node | None, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def number_problem(value: object) -> str | None:
    """Why a parsed number cannot stand in a drill file, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "the number must be finite (not inf or NaN)"
    if isinstance(value, int | float) and abs(value) >= 10**MAX_INT_DIGITS:
        return f"the number is too large (at most {MAX_INT_DIGITS} digits)"
    return None


class _Builder:
    """Turns a composed node tree into plain values and a position table."""

    def __init__(self, file: str, loader: yaml.SafeLoader | yaml.CSafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[PathKey, Position] = {}
        self.problems: list[Problem] = []
        self.nodes = 0

    def _located(self, node: yaml.Node, message: str, fatal: bool = False) -> None:
        pos = _mark(node)
        self.problems.append(Problem(self.file, pos.line, pos.column, message, fatal))

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Limit(node, f"too many values (more than {MAX_NODES:,}, aliases expanded)")
        if len(path) > MAX_DEPTH:
            raise _Limit(node, f"nested too deeply (more than {MAX_DEPTH} levels)")
        self.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._located(key_node, "a key must be text or a number")
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str | int) or isinstance(key, bool):
                self._located(key_node, "a key must be text or a number")
                continue
            if key in result:
                self._located(key_node, f"duplicate key {key!r}")
                continue
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        text = str(node.value)
        if len(text) > MAX_TEXT:
            raise _Limit(node, f"a text value is too long (more than {MAX_TEXT:,} characters)")
        if node.tag == "tag:yaml.org,2002:int" and len(text.lstrip("+-0")) > MAX_INT_DIGITS:
            self._located(node, f"the number is too large (at most {MAX_INT_DIGITS} digits)", True)
            return None
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError as exc:
            self._located(node, f"invalid value: {exc}", True)
            return None
        problem = number_problem(value)
        if problem is not None:
            self._located(node, problem, True)
            return None
        return value


def _mark_of(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    line = before.count("\n") + 1
    return line, index - (before.rfind("\n") + 1) + 1


class _LimitReached(yaml.MarkedYAMLError):
    """A limit of the format was reached while scanning or composing."""


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader with the limits checked while scanning and composing.

    Nesting is refused as the scanner meets it (PyYAML's own handling of deep
    flow collections is quadratic), and the size of the document with every alias
    expanded is known as soon as it is composed, before anything is built.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases_seen = 0
        self.expanded: dict[int, int] = {}

    def _too_deep(self) -> NoReturn:
        mark = self.get_mark()
        raise _LimitReached(None, None, f"nested too deeply (more than {MAX_DEPTH} levels)", mark)

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        if self.flow_level >= MAX_DEPTH:
            self._too_deep()
        super().fetch_flow_collection_start(token_class)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_DEPTH:
            self._too_deep()
        return bool(super().add_indent(column))

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases_seen += 1
            if self.aliases_seen > MAX_ALIASES:
                self._refuse(f"too many aliases (more than {MAX_ALIASES})")
        node = super().compose_node(parent, index)
        if node is None:
            return None
        size = self.expanded.get(id(node))
        if size is None:
            size = 1
            for child in _children(node):
                size += self._size_of(child)
            self.expanded[id(node)] = size
        if size > MAX_NODES:
            self._refuse(f"too many values (more than {MAX_NODES:,}, aliases expanded)")
        return node

    def _size_of(self, node: yaml.Node) -> int:
        size = self.expanded.get(id(node))
        if size is None:  # an alias to a collection still being composed: a cycle
            self._refuse("an alias refers to the collection that contains it")
        return size

    def _refuse(self, message: str) -> NoReturn:
        mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        raise _LimitReached(None, None, message, mark)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def parse_yaml(text: str, file: str) -> SourceDocument:
    """Parse one YAML (or JSON) document, raising DataFileError with a position."""
    if len(text) > MAX_FILE_BYTES:
        raise DataFileError([Problem(file, 1, 1, _too_large(), fatal=True)])
    fast = _fast_parse(text, file)
    if fast is not None:
        return fast
    try:
        loader = _LimitedLoader(text)
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        reason = f"character U+{exc.character:04X} is not allowed in YAML text"
        raise DataFileError([Problem(file, line, column, reason, fatal=True)]) from None
    try:
        return _parse(loader, text, file)
    except RecursionError:
        raise DataFileError(
            [Problem(file, 1, 1, f"nested too deeply (more than {MAX_DEPTH} levels)", fatal=True)]
        ) from None
    finally:
        loader.dispose()


def _parse(loader: _LimitedLoader, text: str, file: str) -> SourceDocument:
    try:
        node = loader.get_single_node()
    except _LimitReached as exc:
        line, column = _mark_of(exc)
        raise DataFileError([Problem(file, line, column, str(exc.problem), True)]) from None
    except yaml.MarkedYAMLError as exc:
        line, column = _mark_of(exc)
        reason = exc.problem or exc.context or "invalid YAML"
        raise DataFileError(
            [Problem(file, line, column, f"YAML syntax: {reason}", fatal=True)]
        ) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col(text, exc.position)
        reason = f"character U+{exc.character:04X} is not allowed in YAML text"
        raise DataFileError([Problem(file, line, column, reason, fatal=True)]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem(file, 1, 1, f"YAML syntax: {exc}", fatal=True)]) from None
    if node is None:
        raise DataFileError([Problem(file, 1, 1, "the file is empty", fatal=True)])
    builder = _Builder(file, loader)
    try:
        data = builder.build(node, ())
    except _Limit as exc:
        pos = _mark(exc.node) if exc.node is not None else Position(1, 1)
        raise DataFileError(
            [Problem(file, pos.line, pos.column, exc.message, fatal=True)]
        ) from None
    except yaml.MarkedYAMLError as exc:
        line, column = _mark_of(exc)
        raise DataFileError(
            [Problem(file, line, column, f"YAML: {exc.problem}", fatal=True)]
        ) from None
    if builder.problems:
        raise DataFileError(builder.problems)
    return SourceDocument(file, data, builder.positions)


def _fast_parse(text: str, file: str) -> SourceDocument | None:
    """libyaml's parser when it is there and the file is within every limit, else None.

    The limits are checked on libyaml's event stream before anything is composed
    (its composer recurses in C, so depth must be known first); a file beyond one is
    refused from there, with the position of the event that crossed it.  Anything
    else unusual (a syntax error, a recursive alias, a problem in a value) returns
    None: the pure-Python path then gives the located message.
    """
    if not yaml.__with_libyaml__:
        return None
    try:
        verdict = _limit_verdict(yaml.parse(text, Loader=yaml.CSafeLoader))
        if isinstance(verdict, tuple):
            message, mark = verdict
            problem = Problem(file, mark.line + 1, mark.column + 1, message, True)
            raise DataFileError([problem])
        if not verdict:
            return None
        loader = yaml.CSafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            builder = _Builder(file, loader)
            data = builder.build(node, ())
        finally:
            loader.dispose()
    except (yaml.YAMLError, _Limit, RecursionError, ValueError):
        return None
    if builder.problems:
        return None
    return SourceDocument(file, data, builder.positions)


def _limit_verdict(events: Iterable[yaml.Event]) -> bool | tuple[str, Any]:
    """From the event stream: True (within every limit), a refusal (message, mark), or
    False (an alias to an anchor not yet complete: left to the pure-Python path)."""
    sizes: list[int] = [0]
    anchors_open: list[str | None] = []
    anchors: dict[str, int] = {}
    aliases = 0
    for event in events:
        if isinstance(event, yaml.CollectionStartEvent):
            if len(sizes) > MAX_DEPTH:
                return f"nested too deeply (more than {MAX_DEPTH} levels)", event.start_mark
            sizes.append(1)
            anchors_open.append(event.anchor)
        elif isinstance(event, yaml.CollectionEndEvent):
            size = sizes.pop()
            anchor = anchors_open.pop()
            if anchor is not None:
                anchors[anchor] = size
            sizes[-1] += size
        elif isinstance(event, yaml.ScalarEvent):
            sizes[-1] += 1
            if event.anchor is not None:
                anchors[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return f"too many aliases (more than {MAX_ALIASES})", event.start_mark
            if event.anchor not in anchors:
                return False
            sizes[-1] += anchors[event.anchor]
        if sum(sizes) > MAX_NODES:
            return f"too many values (more than {MAX_NODES:,}, aliases expanded)", event.start_mark
    return True


def _too_large() -> str:
    return f"the file is too large (more than {MAX_FILE_BYTES // (1024 * 1024)} MB)"


def read_text_file(path: Path) -> str:
    """A UTF-8 text file within the size limit; anything else is a located problem."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataFileError(
            [Problem(name, 1, 1, f"cannot read the file: {reason}", fatal=True)]
        ) from None
    except ValueError:  # e.g. a NUL in the name
        raise DataFileError(
            [Problem(name, 1, 1, "cannot read the file: invalid name", fatal=True)]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataFileError([Problem(name, 1, 1, _too_large(), fatal=True)])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError(
            [Problem(name, 1, 1, "the file is UTF-16 text; save it as UTF-8", fatal=True)]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataFileError(
            [Problem(name, line, column, "the file is not UTF-8 text", fatal=True)]
        ) from None


def read_yaml_file(path: Path) -> SourceDocument:
    """Read and parse a UTF-8 YAML file; unreadable files become a located problem."""
    return parse_yaml(read_text_file(path), str(path))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a drill file can hold")


def bounded_int(text: str) -> int:
    """An integer of JSON text, refused (ValueError) beyond MAX_INT_DIGITS digits."""
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(f"the number is too large (at most {MAX_INT_DIGITS} digits)")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    problem = number_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def loads_json(text: str, file: str, line: int = 1) -> Any:
    """Parse JSON text with the same limits as YAML; DataFileError with a position."""
    try:
        value = json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_int=bounded_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        raise DataFileError(
            [Problem(file, line + exc.lineno - 1, exc.colno, f"not valid JSON: {exc.msg}", True)]
        ) from None
    except ValueError as exc:
        raise DataFileError([Problem(file, line, 1, str(exc), fatal=True)]) from None
    except RecursionError:
        raise DataFileError(
            [Problem(file, line, 1, f"nested too deeply (more than {MAX_DEPTH} levels)", True)]
        ) from None
    problem = _shape_problem(value)
    if problem is not None:
        raise DataFileError([Problem(file, line, 1, problem, True)])
    return value


def _shape_problem(value: Any) -> str | None:
    """Nesting beyond MAX_DEPTH, or a NUL in a text (no database column can hold one)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if level > MAX_DEPTH:
            return f"nested too deeply (more than {MAX_DEPTH} levels)"
        if isinstance(item, str):
            if "\x00" in item:
                return "a text contains a NUL character"
        elif isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
            stack.extend((k, level + 1) for k in item)
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return None


def pydantic_problems(doc: SourceDocument, errors: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """Translate pydantic validation errors into located problems."""
    problems: list[Problem] = []
    for err in errors:
        loc = tuple(part for part in err.get("loc", ()) if isinstance(part, str | int))
        # Pydantic appends the tag of a tagged union / a validator name to the
        # location; keep only the parts that are real data paths.
        data_path = _longest_data_path(doc, loc)
        field_name = ".".join(str(p) for p in loc) or "(document)"
        message = _friendly(err)
        problems.append(doc.problem(data_path, f"{field_name}: {message}"))
    return problems


def _longest_data_path(doc: SourceDocument, loc: PathKey) -> PathKey:
    best: PathKey = ()
    for i in range(1, len(loc) + 1):
        if loc[:i] in doc.positions:
            best = loc[:i]
    return best


def _friendly(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling)"
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")
