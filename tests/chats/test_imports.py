"""No two modules of anew.chats import each other, however roundabout the way, so that each can
be read (and changed) with only what it imports in mind. Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import anew.chats

PACKAGE = Path(anew.chats.__file__).parent
MODULES = {
    ".".join(("anew", "chats", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
        ".__init__"
    ): path
    for path in PACKAGE.rglob("*.py")
}


def _imported(module: str, path: Path) -> set[str]:
    """The anew.chats modules a module imports anywhere in it: a name taken from a package is
    its submodule where there is one, else the package itself."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}".rstrip(".")
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {name for name in found if name in MODULES and name != module}


IMPORTS = {module: _imported(module, path) for module, path in MODULES.items()}


def _reaches(start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(IMPORTS[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(IMPORTS[module])
    return seen


def test_no_module_of_the_chat_engine_imports_itself_round_a_circle() -> None:
    circles = sorted(module for module in MODULES if module in _reaches(module))
    assert circles == []


def test_the_two_whatsapp_roads_share_helpers_without_importing_each_other() -> None:
    general, scanned = "anew.chats.formats.whatsapp", "anew.chats.formats.whatsapp_scanned"
    assert general not in _reaches(scanned)
    assert "anew.chats.formats.whatsapp_common" in IMPORTS[scanned] & IMPORTS[general]


def _private_names_taken(module: str, path: Path) -> list[str]:
    """Names with a leading underscore that a module takes from another anew.chats module, by
    import or as an attribute of one it imported (a compiled module such as _whatsapp_scan is a
    module, not a name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    taken: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("anew.chats"):
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                folder = PACKAGE.joinpath(*name.split(".")[2:])
                if name in MODULES or folder.with_suffix(".pyi").exists():
                    modules.add(alias.asname or alias.name)
                elif alias.name.startswith("_"):
                    taken.append(f"{module}: {name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            taken.append(f"{module}: {node.value.id}.{node.attr}")
    return taken


def test_no_module_takes_another_modules_private_names() -> None:
    taken = [
        name for module, path in MODULES.items() for name in _private_names_taken(module, path)
    ]
    assert taken == []
