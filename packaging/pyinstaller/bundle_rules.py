"""What the Crickets bundle keeps of PySide6 and phonenumbers (docs/decisions/051).

One source for the spec, its hooks (``hooks/``) and the tests that check the built bundle
(tests/packaging/test_bundle.py). Plain Python: no PyInstaller import.
"""

from __future__ import annotations

from pathlib import PurePath

#: The Qt bindings Crickets imports. QtSvg is used too, through the SVG icon-engine and
#: image-format plugins only, so its library comes in as their dependency.
QT_KEEP = frozenset({"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus"})

#: Plugin folders a desktop tray app never needs.
DROP_PLUGIN_DIRS = frozenset(
    {
        "egldeviceintegrations",  # eglfs: embedded, no window system
        "generic",  # evdev/tuio input for eglfs and linuxfb
        "networkinformation",  # QNetworkInformation is not used
        "tls",  # no TLS: the only socket is the local single-instance one
        "wayland-graphics-integration-server",  # the compositor's side
        "qmltooling",
        "qmllint",
        "designer",
        "sqldrivers",
        "printsupport",
    }
)

#: Single plugins (by name without ``lib`` and suffix) dropped from folders that are kept.
DROP_PLUGINS = frozenset(
    {
        "qtvirtualkeyboardplugin",  # links QtQuick, QtQml and QtVirtualKeyboard
        "qgtk3",  # would bundle a second GTK 3, GLib, cairo and pango (decision 051)
        "qeglfs",
        "qlinuxfb",
        "qvnc",
        "qvkkhrdisplay",
        "qminimalegl",
    }
)

#: Image formats Crickets reads: its SVG icons (PNG is built into QtGui), and ICO for the
#: Windows tray. The rest (pdf links QtPdf; jpeg, tiff, webp bring their own libraries).
KEEP_IMAGEFORMATS = frozenset({"qsvg", "qico"})

#: Qt libraries only dropped modules or plugins would need; none may be in the bundle.
DROP_QT_LIBS = (
    "Qt6Pdf",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6VirtualKeyboard",
    "Qt6WaylandCompositor",
    "Qt6OpenGLWidgets",
    "Qt6Multimedia",
    "Qt6WebEngine",
    "Qt6Sql",
    "Qt6PrintSupport",
)

#: phonenumbers' tables that Crickets never uses (geocoding, carriers, number time zones):
#: about 43 MB of its 48.
PHONENUMBERS_UNUSED = (
    "phonenumbers.geocoder",
    "phonenumbers.geodata",
    "phonenumbers.carrier",
    "phonenumbers.carrierdata",
    "phonenumbers.timezone",
    "phonenumbers.tzdata",
)


def _stem(name: str) -> str:
    return name.split(".")[0].removeprefix("lib")


def keep_file(dest: str | PurePath) -> bool:
    """Whether a file at ``dest`` (a path inside the bundle) belongs in it."""
    parts = PurePath(dest).parts
    stem = _stem(parts[-1])
    if "plugins" in parts:
        below = parts[parts.index("plugins") + 1 :]
        folder = below[0] if len(below) > 1 else ""
        if folder in DROP_PLUGIN_DIRS or stem in DROP_PLUGINS:
            return False
        if folder == "imageformats" and stem not in KEEP_IMAGEFORMATS:
            return False
    return not stem.startswith(DROP_QT_LIBS)


def keep_hook_binaries(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A Qt hook's ``(source, destination folder)`` pairs, less the dropped plugins."""
    return [(src, dest) for src, dest in binaries if keep_file(PurePath(dest, PurePath(src).name))]


def keep_module(name: str) -> bool:
    """Whether a Python module belongs in the bundle (used on the collected module list)."""
    if name.startswith("PySide6.Qt"):
        return name.split(".")[1] in QT_KEEP
    return not name.startswith(PHONENUMBERS_UNUSED)
