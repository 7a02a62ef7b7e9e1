"""What the Crickets bundle keeps of PySide6, ICU, phonenumbers and the system's libraries
(docs/decisions/051, 168).

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


#: Standard-library modules the bundle leaves out although some library names them: Crickets
#: opens no network connection (no TLS, so no OpenSSL: hashlib uses Python's own SHA-256 and
#: HMAC), and it never edits a line interactively (readline). Decision 168.
UNUSED_STDLIB = ("ssl", "_ssl", "_hashlib", "readline")

#: Libraries every Linux desktop has, left to the host as the PySide6 wheel itself leaves them
#: (decision 168): the C++ runtime (the host's graphics drivers need the host's, never an older
#: copy), X11 and its helpers (libxcb itself PyInstaller already leaves out), fontconfig,
#: FreeType and GLib with what only they need, zlib, and the D-Bus client library with
#: systemd's, which it links. The small xcb-util libraries that distributions often lack
#: (xcb-cursor, icccm, image, keysyms, render-util) stay in the bundle.
HOST_LIBRARIES = frozenset(
    {
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libX11.so.6",
        "libX11-xcb.so.1",
        "libXau.so.6",
        "libXdmcp.so.6",
        "libbsd.so.0",
        "libmd.so.0",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libpng16.so.16",
        "libexpat.so.1",
        "libglib-2.0.so.0",
        "libgthread-2.0.so.0",
        "libpcre2-8.so.0",
        "libz.so.1",
        "libdbus-1.so.3",
        "libsystemd.so.0",
        "libgcrypt.so.20",
        "libgpg-error.so.0",
        "liblz4.so.1",
        "libcap.so.2",
        "libcom_err.so.2",
        "libuuid.so.1",
    }
)


def _stem(name: str) -> str:
    return name.split(".")[0].removeprefix("lib")


def keep_file(dest: str | PurePath) -> bool:
    """Whether a file at ``dest`` (a path inside the bundle) belongs in it."""
    parts = PurePath(dest).parts
    stem = _stem(parts[-1])
    if parts[-1] in HOST_LIBRARIES:
        return False
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return False  # Crickets installs no QTranslator: Qt never reads them
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
    if name.split(".")[0] in UNUSED_STDLIB:
        return False
    return not name.startswith(PHONENUMBERS_UNUSED)


# ----------------------------------------------------------------- ICU data (decision 168)

#: ICU data trees Qt reaches: collation (QCollator, QString::localeAwareCompare, the sorting of
#: Qt's own file dialog). Locale display names, currencies, units, time-zone names, break
#: iterators, transliterators and spell-out rules are never asked for by Qt.
ICU_KEEP_TREES = frozenset({"coll"})

#: Top-level ICU items kept besides: the resource index and key pool, the root and the locale
#: metadata that locale fallback and canonicalisation read, the converter alias table (so an
#: unknown code page is reported as unknown), and the small property and normalisation tables.
ICU_KEEP_TOP = frozenset(
    {
        "res_index.res",
        "pool.res",
        "root.res",
        "supplementalData.res",
        "likelySubtags.res",
        "metadata.res",
        "keyTypeData.res",
        "icuver.res",
        "icustd.res",
        "cnvalias.icu",
    }
)


def keep_icu_item(name: str) -> bool:
    """Whether an item of ICU's data package (``icudt73l/coll/de.res``) stays in the bundle."""
    inner = name.split("/")[1:]
    if len(inner) > 1:
        return inner[0] in ICU_KEEP_TREES
    item = inner[0] if inner else ""
    return item in ICU_KEEP_TOP or item.endswith((".nrm", ".icu"))
