"""Each folder holds one kind of thing, and the README and mkdocs.yml say what is where."""

from __future__ import annotations

import ast
from pathlib import Path

from mkdocs.config import load_config

from tests.support.helpers import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
HOOKS = PROJECT_ROOT / "overrides" / "hooks"
# mkdocs-macros calls these in the module it loads (`module_name: macros`); MkDocs's own events
# are handled in overrides/hooks/ alone.
MACROS_ENTRY_POINTS = {"define_env", "on_pre_page_macros", "on_post_page_macros", "on_post_build"}


def modules(folder: str) -> list[Path]:
    return sorted(
        path for path in (PROJECT_ROOT / folder).rglob("*.py") if path.name != "__init__.py"
    )


def top_level_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def event_handlers(path: Path) -> set[str]:
    """The module's functions named as MkDocs names its events (`on_config`, `on_env`, …)."""
    return {name for name in top_level_functions(path) if name.startswith("on_")}


def test_the_readme_names_every_module() -> None:
    for path in [*modules("macros"), *modules("overrides/hooks"), *modules("tools")]:
        assert path.name in README, (
            f"README.md's layout table does not name {path.relative_to(PROJECT_ROOT)}"
        )


def test_every_module_that_handles_mkdocs_events_is_a_listed_hook() -> None:
    listed = {
        Path(hook).resolve() for hook in load_config(str(PROJECT_ROOT / "mkdocs.yml"))["hooks"]
    }
    handlers = {path.resolve() for path in modules("overrides/hooks") if event_handlers(path)}
    assert handlers == listed, (
        "mkdocs.yml's `hooks:` and the modules of overrides/hooks/ with `on_…` functions differ: "
        f"add {sorted(str(p.relative_to(PROJECT_ROOT)) for p in handlers - listed)} to `hooks:`"
    )


def test_no_mkdocs_event_is_handled_outside_the_hooks() -> None:
    for path in modules("tools"):
        assert not event_handlers(path), f"{path.relative_to(PROJECT_ROOT)} handles MkDocs events"
    for path in [PROJECT_ROOT / "macros" / "__init__.py", *modules("macros")]:
        handlers = event_handlers(path) - MACROS_ENTRY_POINTS
        assert not handlers, f"{path.relative_to(PROJECT_ROOT)} handles MkDocs events {handlers}"
