"""Does a window fit? What a person would notice, measured on the live widgets.

Used by ``scripts/window_probe.py`` inside the app's process, on the real X server, after the
window is shown and laid out. Each problem is one sentence naming the widget, so a failing
test says what to fix:

- the window reaches outside the screen's available area;
- a visible widget reaches outside its window (outside the scrolled content, for a widget
  inside a scroll area: scrolling to it is fine, being cut off is not);
- a label's text needs more room than it has (wider than the label without word wrap,
  taller than the label with it): the text is clipped or elided;
- a button's, check box's or tab's text is wider than the button;
- a table column lies (partly) outside the table's visible area.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QMenu,
    QRadioButton,
    QTableView,
    QWidget,
)

SLACK = 1  # px: rounding at fractional scales


def problems(window: QWidget) -> list[str]:
    """Every way ``window`` does not fit, as sentences (empty when it fits)."""
    found = _on_screen(window)
    for widget in _visible_widgets(window):
        found += _inside(window, widget)
        if isinstance(widget, QLabel):
            found += _label(widget)
        elif isinstance(widget, QAbstractButton):
            found += _button(widget)
        if isinstance(widget, QTableView):
            found += _columns(widget)
    return found


def menu_problems(menu: QMenu, widest: int) -> list[str]:
    """A popup menu: on the screen, and no wider than ``widest`` logical pixels."""
    found = _on_screen(menu)
    width = menu.sizeHint().width()
    if width > widest:
        found.append(f"the menu is {width} px wide (at most {widest})")
    return found


def name(widget: QWidget) -> str:
    text = widget.property("text") if hasattr(widget, "text") else None
    label = f' "{str(text)[:40]}"' if text else ""
    return f"{type(widget).__name__} {widget.objectName() or '(unnamed)'}{label}"


def _on_screen(window: QWidget) -> list[str]:
    screen = window.screen()
    if screen is None:
        return ["the window is on no screen"]
    # Qt at 200 % on X11 scales the work area's size but not its offset: keep to the screen.
    area = screen.availableGeometry().intersected(screen.geometry())
    frame = window.frameGeometry()
    if area.contains(frame):
        return []
    return [
        f"the window ({_rect(frame)}) is not inside the screen's available area ({_rect(area)})"
    ]


def _visible_widgets(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window) and w.width() > 0 and w.height() > 0 and w.isWindow() is False
    ]


def _scroll_content(widget: QWidget, window: QWidget) -> QWidget | None:
    """The scrolled viewport ``widget`` lies in, if any (then scrolling may hide it)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return parent
        parent = grand
    return None


def _inside(window: QWidget, widget: QWidget) -> list[str]:
    if _scroll_content(widget, window) is not None:
        return []  # inside a scroll area: reachable by scrolling
    top_left = widget.mapTo(window, QPoint(0, 0))
    box = QRect(top_left, widget.size()).adjusted(SLACK, SLACK, -SLACK, -SLACK)
    if window.rect().contains(box):
        return []
    return [f"{name(widget)} ({_rect(box)}) reaches outside the window ({_rect(window.rect())})"]


def _label(label: QLabel) -> list[str]:
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return [f"{name(label)} needs {needed} px of height, has {label.height()}"]
        return []
    needed = label.sizeHint().width()
    if needed > label.width() + SLACK:
        return [f"{name(label)} needs {needed} px of width, has {label.width()}"]
    return []


def _button(button: QAbstractButton) -> list[str]:
    if not button.text():
        return []
    hint = button.sizeHint()
    if isinstance(button, (QCheckBox, QRadioButton)):
        hint = button.minimumSizeHint().expandedTo(hint)
    if hint.width() > button.width() + SLACK:
        return [f"{name(button)} needs {hint.width()} px of width, has {button.width()}"]
    return []


def _columns(table: QTableView) -> list[str]:
    header = table.horizontalHeader()
    visible = table.viewport().width()
    found = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        left = header.sectionViewportPosition(column)
        right = left + header.sectionSize(column)
        if left < 0 or right > visible + SLACK:
            title = table.model().headerData(column, header.orientation())
            found.append(f"column {title!r} of {name(table)} is not fully visible")
    return found


def _rect(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"
