"""docs/api.md, written from the OpenAPI document the app serves at /api/v1/openapi.json.

    .venv/bin/python tools/api_docs.py          # rewrite docs/api.md
    .venv/bin/python tools/api_docs.py --check  # exit 1 when docs/api.md is stale

`make docs` runs the first; tests/test_api_docs.py fails while the file differs from what this
writes, so the reference never drifts from the routes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from anew.config import load_settings
from anew.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "api.md"
METHODS = ("get", "post", "put", "patch", "delete")
INTRO = """\
# API reference

Anew's JSON API lives under `/api/v1`. This page is written from the OpenAPI document the server
publishes at `/api/v1/openapi.json` (run `make docs` after changing a route; a test fails while it
is stale), and the same document drives the interactive docs at `/api/v1/docs`, served by Anew
itself with nothing loaded from elsewhere.

**Authentication.** `POST /api/v1/auth/token` with an email and password answers a bearer token
(7 days; `DELETE /api/v1/auth/token` revokes it). Send it as `Authorization: Bearer <token>`.
Routes marked *token or none* also answer anonymous callers.

**Errors.** A refusal answers `{"detail": "..."}` in words a person can read; a request that can't
be taken answers 422 with `{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}`, where `loc`
names the field (`["body", "started_on"]`, `["path", "day"]`). A body that is not JSON is 400;
429 comes with `Retry-After`.
"""


def type_of(schema: dict[str, Any]) -> str:
    """A JSON schema in a few words: `GoalOut`, `list of string`, `string or null`."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#schema-{name.lower()})"
    if "anyOf" in schema:
        return " or ".join(type_of(part) for part in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {type_of(schema.get('items', {}))}"
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        return f"map of string to {type_of(schema['additionalProperties'])}"
    shown = {"integer": "integer", "number": "number", "boolean": "boolean", "null": "null"}
    if kind == "string" and schema.get("format"):
        return f"string ({schema['format']})"
    return shown.get(kind, kind)


def cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def auth_of(operation: dict[str, Any]) -> str:
    security = operation.get("security")
    if not security:
        return "none"
    return "token or none" if {} in security else "token"


def parameters(operation: dict[str, Any]) -> list[str]:
    rows = [
        f"| `{p['name']}` | {p['in']} | {type_of(p.get('schema', {}))} | "
        f"{'yes' if p.get('required') else 'no'} | {cell(p.get('description', ''))} |"
        for p in operation.get("parameters", [])
    ]
    if not rows:
        return []
    return ["| parameter | in | type | required | about |", "|---|---|---|---|---|", *rows, ""]


def content(body: dict[str, Any]) -> str:
    """The body's type, or its media types when it is not JSON."""
    kinds = body.get("content", {})
    if "application/json" in kinds:
        return type_of(kinds["application/json"].get("schema", {}))
    return ", ".join(f"`{kind}`" for kind in kinds) or "nothing"


def operation_lines(method: str, path: str, operation: dict[str, Any]) -> list[str]:
    lines = [f"### `{method.upper()} {path}`", ""]
    if operation.get("summary"):
        lines += [f"{operation['summary']}.", ""]
    if operation.get("description"):
        lines += [" ".join(operation["description"].split()), ""]
    lines += [f"Authentication: {auth_of(operation)}.", ""]
    lines += parameters(operation)
    if "requestBody" in operation:
        lines += [f"Body: {content(operation['requestBody'])}.", ""]
    answers = [
        f"`{status}` {content(answer) if answer.get('content') else 'no body'}"
        + (f" ({cell(answer['description'])})" if answer.get("description") else "")
        for status, answer in sorted(operation.get("responses", {}).items())
    ]
    lines += ["Answers: " + "; ".join(answers) + ".", ""]
    return lines


def schema_lines(name: str, schema: dict[str, Any]) -> list[str]:
    lines = [f"### Schema: {name}", ""]
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    if "enum" in schema:
        return [*lines, "One of " + ", ".join(f"`{v}`" for v in schema["enum"]) + ".", ""]
    required = set(schema.get("required", []))
    rows = [
        f"| `{field}` | {type_of(spec)} | {'yes' if field in required else 'no'} | "
        f"{cell(spec.get('description', ''))} |"
        for field, spec in schema.get("properties", {}).items()
    ]
    if rows:
        lines += ["| field | type | required | about |", "|---|---|---|---|", *rows, ""]
    return lines


def render(document: dict[str, Any]) -> str:
    """The whole page: operations by tag in the document's order, then every schema."""
    by_tag: dict[str, list[list[str]]] = {}
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                tag = (operation.get("tags") or ["other"])[0]
                by_tag.setdefault(tag, []).append(operation_lines(method, path, operation))
    lines = [INTRO]
    for tag, operations in by_tag.items():
        lines += [f"## {tag.capitalize()}", ""]
        for operation in operations:
            lines += operation
    lines += ["## Schemas", ""]
    for name, schema in sorted(document.get("components", {}).get("schemas", {}).items()):
        lines += schema_lines(name, schema)
    return "\n".join(lines).rstrip() + "\n"


def document() -> dict[str, Any]:
    """The OpenAPI document of an app built on a throwaway data folder (nothing is served)."""
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            data_dir=Path(folder),
            database_url=f"sqlite:///{folder}/docs.db",
            secret_key="docs-only-secret-key-that-is-long-enough-0123456789",  # noqa: S106
        )
        app = create_app(settings)
        try:
            return app.openapi()
        finally:
            app.state.engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/api.md is stale")
    args = parser.parse_args()
    written = render(document())
    if args.check:
        stale = not TARGET.exists() or TARGET.read_text() != written
        if stale:
            print("docs/api.md is stale: run `make docs`", file=sys.stderr)
        return 1 if stale else 0
    TARGET.write_text(written)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
