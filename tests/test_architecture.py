"""The package map holds (docs/architecture.md): routers parse, answer and render while the
services do the database work; no router imports another; no two modules import each other,
directly or round a longer circle, anywhere in src/."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from anew.db import Base
from anew.tables import load_models

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "anew"
ROUTER_FOLDERS = (PACKAGE / "web" / "pages", PACKAGE / "web" / "api")
# What a router may not call on anything: the ORM session's and the engine's own work.
DATABASE_WORK = frozenset(
    {
        "add",
        "add_all",
        "begin",
        "commit",
        "connect",
        "delete",
        "execute",
        "flush",
        "get",
        "merge",
        "query",
        "refresh",
        "rollback",
        "scalar",
        "scalars",
    }
)
DATABASE_NAMES = frozenset({"db", "session", "engine", "connection", "sessionmaker"})


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(tree: ast.AST, here: str, known: dict[str, Path]) -> Iterator[tuple[str, int]]:
    """Every anew module this one imports (inside functions too), with the line."""
    package = here if known[here].name == "__init__.py" else here.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if submodule in known else base), node.lineno


def orm_model_modules() -> set[str]:
    load_models()
    return {mapper.class_.__module__ for mapper in Base.registry.mappers}


def router_files() -> list[Path]:
    return [path for folder in ROUTER_FOLDERS for path in sorted(folder.glob("*.py"))]


def is_router(path: Path) -> bool:
    tree = ast.parse(path.read_text())
    return any(
        isinstance(node, ast.Assign)
        and any(isinstance(target, ast.Name) and target.id == "router" for target in node.targets)
        for node in tree.body
    )


def test_routers_import_neither_sqlalchemy_nor_a_model_module() -> None:
    known, models = modules(), orm_model_modules()
    wrong = []
    for path in router_files():
        here = module_name(path)
        for name, line in imported(ast.parse(path.read_text()), here, known):
            if name == "sqlalchemy" or name.startswith("sqlalchemy.") or name in models:
                wrong.append(f"{path.relative_to(SRC)}:{line} imports {name}")
    assert not wrong, "routers leave the database to the services:\n" + "\n".join(wrong)


def test_routers_do_no_database_work() -> None:
    wrong = []
    for path in router_files():
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Attribute):
                continue
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if name in DATABASE_NAMES and node.attr in DATABASE_WORK | {"sessionmaker"}:
                wrong.append(f"{path.relative_to(SRC)}:{node.lineno} {name}.{node.attr}")
            if node.attr in {"sessionmaker", "engine"} and name == "state":
                wrong.append(f"{path.relative_to(SRC)}:{node.lineno} app.state.{node.attr}")
    assert not wrong, "routers call services, which do the database work:\n" + "\n".join(wrong)


def test_no_router_imports_another_router() -> None:
    known = modules()
    routers = {module_name(path) for path in router_files() if is_router(path)}
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = module_name(path)
        if here in {"anew.web.app", "anew.web.api"}:  # where the routers are put together
            continue
        for name, line in imported(ast.parse(path.read_text()), here, known):
            if name in routers and name != here:
                wrong.append(f"{path.relative_to(SRC)}:{line} imports the router {name}")
    assert routers, "no routers found: the layout moved"
    assert not wrong, "\n".join(wrong)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = {t for t, _line in imported(ast.parse(path.read_text()), name, known)}
        # A package's own __init__ is imported on the way to any of its modules: not a circle.
        graph[name] = {t for t in targets if t in known and t != name}
    return graph


def test_circles_are_found_when_there_are_some() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_there_are_no_import_circles_in_src() -> None:
    found = circles(import_graph())
    assert not found, "modules that import each other:\n" + "\n".join(map(" <-> ".join, found))
