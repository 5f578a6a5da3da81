"""The shape of the package: no import cycles, and modules and functions a reader can hold.

The layering itself is checked by `lint-imports` (the contract in pyproject.toml, run by
`make lint`); a cycle inside one layer slips past a layers contract, so it is checked here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "gestae"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
# A longer module or function says why in a comment starting with this mark, on the `def` line
# or the line above it (for a module: among its first lines).
WAIVER = "# long:"


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_even_inside_functions() -> None:
    graph = grimp.build_graph("gestae")
    # The package root re-exports the Python API lazily; it is an entry point, not a layer.
    graph.remove_module("gestae")
    assert _cycles(graph) == []


def test_cycle_finder_sees_a_cycle_hidden_in_a_function() -> None:
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")  # as a late import would
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_modules_are_short_or_say_why(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) > MAX_MODULE_LINES:
        assert any(WAIVER in line for line in lines[:30]), (
            f"{path.name} has {len(lines)} lines (> {MAX_MODULE_LINES}): split it, or say why "
            f"near its top with a '{WAIVER}' comment"
        )


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_functions_are_short_or_say_why(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    too_long = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            around = lines[max(first - 2, 0) : node.lineno]
            if length > MAX_FUNCTION_LINES and not any(WAIVER in line for line in around):
                too_long.append(f"{node.name} ({length} lines, line {node.lineno})")
    assert too_long == [], f"functions over {MAX_FUNCTION_LINES} lines in {path.name}: {too_long}"
