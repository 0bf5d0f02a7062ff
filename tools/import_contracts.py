"""An import-linter contract type for submodules of an external package.

import-linter squashes external packages to their root ("PySide6"), so a `forbidden`
contract cannot name `PySide6.QtWidgets`. This contract reads the import lines that
import-linter recorded instead: a source module breaks it when one of its import
statements names a forbidden submodule (``from PySide6.QtWidgets import …``,
``import PySide6.QtWidgets`` or ``from PySide6 import QtWidgets``).

Registered in pyproject.toml under ``contract_types``; run `lint-imports` from the
repository root (it puts the working directory on sys.path).
"""

from __future__ import annotations

import re
from typing import Any

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


class ForbiddenSubmodulesContract(Contract):
    """Source modules must not import the given submodules of external packages.

    Options: source_modules (internal packages, their descendants included) and
    forbidden_submodules (dotted names such as PySide6.QtWidgets).
    """

    type_name = "forbidden_submodules"

    source_modules = fields.ListField(subfield=fields.ModuleField())
    forbidden_submodules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        del verbose
        forbidden = [str(name) for name in self.forbidden_submodules]  # type: ignore[attr-defined]
        patterns = {name: _statement(name) for name in forbidden}
        roots = {name.split(".")[0] for name in forbidden}
        broken: list[dict[str, Any]] = []
        for source in self.source_modules:  # type: ignore[attr-defined]
            modules = {source.name} | graph.find_descendants(source.name)
            for module in sorted(modules):
                for imported in sorted(graph.find_modules_directly_imported_by(module) & roots):
                    details = graph.get_import_details(importer=module, imported=imported)
                    for detail in details:
                        for name, pattern in patterns.items():
                            if pattern.search(detail["line_contents"]):
                                broken.append(
                                    {
                                        "importer": module,
                                        "imported": name,
                                        "line_number": detail["line_number"],
                                        "line": detail["line_contents"],
                                    }
                                )
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["broken"]:
            output.print_error(
                f"{item['importer']} is not allowed to import {item['imported']} "
                f"(l.{item['line_number']}: {item['line']})"
            )
            output.new_line()


def _statement(dotted: str) -> re.Pattern[str]:
    """An import statement naming *dotted* (a.b): from a.b import …, import a.b,
    from a import … b …."""
    parent, _, leaf = dotted.rpartition(".")
    return re.compile(
        rf"^\s*(from\s+{re.escape(dotted)}(\.|\s)|import\s+.*\b{re.escape(dotted)}\b"
        rf"|from\s+{re.escape(parent)}\s+import\s+.*\b{re.escape(leaf)}\b)"
    )
