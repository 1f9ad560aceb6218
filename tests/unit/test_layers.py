"""The code's floor plan holds: macros/ is layered data -> site -> features -> generation ->
adapter, a module imports only from its own layer or the ones before it, imports sit at the
tops of modules, and no module imports itself back through others (no import loops)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = ["data", "site", "features", "generation", "adapter"]
PACKAGE = ROOT / "macros"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported macros module, line, at the top level) of every import of our package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            found.append(("<relative>", node.lineno, id(node) in top))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "macros":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((full if full in MODULES else node.module, node.lineno, id(node) in top))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in top) for a in node.names if a.name.split(".")[0] == "macros"]
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_sits_in_a_layer():
    loose = [m for m in MODULES if _layer(m) is None and m not in ("macros", "macros.__main__")]
    assert not loose, f"modules outside the layers {LAYERS}: {loose}"


def test_imports_point_only_to_the_same_or_an_earlier_layer_and_sit_at_the_top():
    problems = []
    for module, path in MODULES.items():
        for target, line, at_top in _imports(path):
            where = f"{path.relative_to(ROOT)}:{line}"
            if target == "<relative>":
                problems.append(f"{where}: relative import (write macros.<layer>...)")
                continue
            if not at_top:
                problems.append(f"{where}: imports {target} inside a function")
            mine, theirs = _layer(module), _layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                problems.append(f"{where}: {LAYERS[mine]} imports {target} from the later layer {LAYERS[theirs]}")
    assert not problems, "\n".join(problems)


def test_no_import_loops():
    graph = {m: {t for t, _, _ in _imports(p) if t in MODULES and t != m} for m, p in MODULES.items()}
    loops, state = [], {}

    def visit(module: str, stack: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                loops.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, stack + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not loops, "\n".join(" -> ".join(loop) for loop in loops)
