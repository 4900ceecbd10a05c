"""The first-call examples of docs/examples/ and the model names each one sends."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support.helpers import DOCS

EXAMPLES = DOCS / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.py")) + sorted(EXAMPLES.glob("*.sh"))


def example_id(path: Path) -> str:
    return path.name


def models_named(path: Path) -> set[str]:
    """The model names an example sends: `model=` in Python, `"model":` or jq's `model:` in bash."""
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return {
            keyword.value.value
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call)
            for keyword in node.keywords
            if keyword.arg == "model"
            and isinstance(keyword.value, ast.Constant)
            and isinstance(keyword.value.value, str)
        }
    return set(re.findall(r'"?\bmodel"?\s*:\s*"([^"]+)"', source))
