"""The windows in sway's layout tree (``swaymsg -t get_tree``), as a test reads them.

A window is a leaf container: ``type`` "con" when sway tiles it, "floating_con" when it floats.
``rect`` is where sway put it (decoration included), ``window_rect`` the client's own part, so
the client's size is ``window_rect``'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SwayWindow:
    title: str
    app_id: str | None
    pid: int | None
    floating: bool
    x: int
    y: int
    width: int  # the client's own size (window_rect)
    height: int
    focused: bool
    urgent: bool

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


def windows(tree: dict[str, Any]) -> list[SwayWindow]:
    """Every window on every workspace (the scratchpad too), in tree order."""
    return [_window(node, floating) for node, floating in _leaves(tree, floating=False)]


def windows_of(tree: dict[str, Any], pid: int) -> list[SwayWindow]:
    """The windows one process shows."""
    return [window for window in windows(tree) if window.pid == pid]


def _leaves(node: dict[str, Any], *, floating: bool) -> Iterator[tuple[dict[str, Any], bool]]:
    children = [(child, floating) for child in node.get("nodes", [])]
    children += [(child, True) for child in node.get("floating_nodes", [])]
    if not children and node.get("type") in ("con", "floating_con"):
        yield node, floating or node["type"] == "floating_con"
        return
    for child, child_floating in children:
        yield from _leaves(child, floating=child_floating)


def _window(node: dict[str, Any], floating: bool) -> SwayWindow:
    rect, inner = node["rect"], node.get("window_rect") or node["rect"]
    return SwayWindow(
        title=str(node.get("name") or ""),
        app_id=node.get("app_id"),
        pid=node.get("pid"),
        floating=floating,
        x=int(rect["x"]) + int(inner["x"]),
        y=int(rect["y"]) + int(inner["y"]),
        width=int(inner["width"]),
        height=int(inner["height"]),
        focused=bool(node.get("focused")),
        urgent=bool(node.get("urgent")),
    )
