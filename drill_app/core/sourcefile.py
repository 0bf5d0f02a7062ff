"""Reading YAML/JSON data files while keeping where each value stood.

Plan and scenario files are edited by people; an error must name the file, the
line and the column.  PyYAML's composer gives every node its position; we build
the plain Python value and a table from value paths to positions side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


class _Builder:
    """Turns a composed node tree into plain values and a position table."""

    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.positions: dict[PathKey, Position] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if not isinstance(key, str | int):
                    pos = _mark(key_node)
                    self.problems.append(
                        Problem(self.file, pos.line, pos.column, "a key must be text or a number")
                    )
                    continue
                if key in result:
                    pos = _mark(key_node)
                    self.problems.append(
                        Problem(self.file, pos.line, pos.column, f"duplicate key {key!r}")
                    )
                    continue
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.loader.construct_object(node, deep=True)


def parse_yaml(text: str, file: str) -> SourceDocument:
    """Parse one YAML (or JSON) document, raising DataFileError with a position."""
    loader = yaml.SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            column = mark.column + 1 if mark else 1
            reason = exc.problem or exc.context or "invalid YAML"
            raise DataFileError([Problem(file, line, column, f"YAML syntax: {reason}")]) from None
        except yaml.YAMLError as exc:
            raise DataFileError([Problem(file, 1, 1, f"YAML syntax: {exc}")]) from None
        if node is None:
            raise DataFileError([Problem(file, 1, 1, "the file is empty")])
        builder = _Builder(file, loader)
        try:
            data = builder.build(node, ())
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            column = mark.column + 1 if mark else 1
            raise DataFileError([Problem(file, line, column, f"YAML: {exc.problem}")]) from None
        if builder.problems:
            raise DataFileError(builder.problems)
        return SourceDocument(file, data, builder.positions)
    except RecursionError:
        raise DataFileError([Problem(file, 1, 1, "YAML nested too deeply")]) from None
    finally:
        loader.dispose()


def read_yaml_file(path: Path) -> SourceDocument:
    """Read and parse a UTF-8 YAML file; unreadable files become a located problem."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(
            [Problem(name, 1, 1, f"cannot read the file: {exc.strerror}")]
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError([Problem(name, line, 1, "the file is not UTF-8 text")]) from None
    return parse_yaml(text, name)


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
