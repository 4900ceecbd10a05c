"""Chromium's own accessibility tree, as a screen reader gets it (through the DevTools protocol)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page


@dataclass(frozen=True)
class Node:
    role: str
    name: str
    description: str
    properties: dict[str, Any]
    children: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Tree:
    nodes: dict[str, Node]

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes.values())

    def with_role(self, role: str) -> list[Node]:
        return [node for node in self if node.role == role]

    def text(self, node: Node) -> str:
        """The text inside `node`, as a screen reader would read it out of a live region."""
        parts = [node.name] if node.role in ("StaticText", "InlineTextBox") else []
        for child_id in node.children:
            child = self.nodes.get(child_id)
            if child is not None and child.role != "InlineTextBox":
                parts.append(self.text(child))
        return " ".join(" ".join(part for part in parts if part).split())


def accessibility_tree(page: Page) -> Tree:
    """Every node of the page a reader's software can reach (ignored nodes left out, their
    children kept)."""
    session = page.context.new_cdp_session(page)
    try:
        raw = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    nodes = {}
    for entry in raw:
        # An ignored node (hidden, or only there for layout) is no one's: its children still count.
        role = "" if entry.get("ignored") else str(entry.get("role", {}).get("value", ""))
        properties = {
            item["name"]: item.get("value", {}).get("value") for item in entry.get("properties", [])
        }
        nodes[entry["nodeId"]] = Node(
            role=role,
            name=str(entry.get("name", {}).get("value", "")),
            description=str(entry.get("description", {}).get("value", "")),
            properties=properties,
            children=list(entry.get("childIds", [])),
        )
    return Tree(nodes)
