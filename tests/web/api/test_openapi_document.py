"""The OpenAPI document describes every answer: each operation's success has a schema (a model,
or a file's media type), so schemathesis checks every response against it and docs/api.md,
written from it by tools/api_docs.py, is never behind the routes."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from tools.api_docs import TARGET, render

LOOSE = ({}, {"type": "object"}, {"type": "object", "additionalProperties": True})


def operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_every_operation_declares_what_it_answers(app: FastAPI) -> None:
    document = app.openapi()
    wrong = []
    for method, path, operation in operations(document):
        successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
        if not successes:
            wrong.append(f"{method} {path}: no success answer")
        for status, answer in successes.items():
            if status == "204":
                continue
            for media, body in answer.get("content", {"": {}}).items():
                if body.get("schema", {}) in LOOSE:
                    wrong.append(f"{method} {path} {status} {media or 'no content'}: no schema")
    assert len(operations(document)) > 40
    assert not wrong, "\n".join(wrong)


def test_every_operation_has_a_summary_and_a_tag(app: FastAPI) -> None:
    missing = [
        f"{method} {path}"
        for method, path, operation in operations(app.openapi())
        if not operation.get("summary") or not operation.get("tags")
    ]
    assert not missing


def test_the_api_reference_is_written_from_the_document(app: FastAPI) -> None:
    assert TARGET.read_text() == render(app.openapi()), "docs/api.md is stale: run `make docs`"
