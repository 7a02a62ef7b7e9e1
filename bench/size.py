"""How much disk Crickets takes: the one-folder bundle and a fresh venv with the wheel.

Usage: .venv/bin/python bench/size.py [--bundle DIR] [--no-write]

Without --bundle it builds one with packaging/build.sh into a temporary folder (the size of
this checkout, not of an old dist/). The venv is made by packaging/wheel_venv.py exactly as
tests/packaging/test_wheel.py makes it (``pip install`` of the wheel into a new venv). Sizes
are disk usage, as ``du`` counts them. Writes the "## Size" section of bench/results.md,
between the size markers, and leaves the rest of that file alone.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import wheel_venv  # noqa: E402

RESULTS = ROOT / "bench" / "results.md"
START, END = "<!-- size:start -->", "<!-- size:end -->"
MIB = 2**20


def bundle_part(relative: Path) -> str:
    """Which part of the bundle a file (path below the bundle folder) belongs to."""
    parts = relative.parts
    name = parts[-1]
    if parts[0] != "_internal":
        return "launcher and all Python code (the executable's archive)"
    inner = parts[1:]
    if name.startswith("libicu"):
        return "ICU (the library Qt links, with collation data only)"
    if inner[:3] == ("PySide6", "Qt", "plugins"):
        return "Qt plugins (xcb, wayland, SVG, input methods)"
    if inner[:3] == ("PySide6", "Qt", "lib") or name.startswith("libQt6"):
        return "Qt libraries (Core, Gui, Widgets, Network, DBus, Svg, Xcb/Wayland)"
    if inner[0] in ("PySide6", "shiboken6") or name.startswith(("libpyside6", "libshiboken6")):
        return "PySide6 and shiboken6 bindings"
    if name.startswith("libpython") or inner[0] in ("python3.11", "base_library.zip"):
        return "Python runtime and standard-library extensions"
    if inner[0].startswith("cryptography") or name.startswith("_cffi_backend"):
        return "cryptography (AES-GCM)"
    if inner[0] == "tzdata":
        return "tzdata (IANA time zones)"
    if inner[0] == "resources":
        return "Crickets' resources (templates, checklists, icons)"
    if name.startswith("lib") and ".so" in name:
        return "system libraries (xcb-util, xkbcommon, Kerberos, SQLite, zstd, ...)"
    return "other"


def venv_part(relative: Path) -> str:
    parts = relative.parts
    if "site-packages" not in parts:
        return "venv itself (python links, bin/)"
    below = parts[parts.index("site-packages") + 1 :]
    top = below[0] if below else ""
    top = re.split(r"[-.]", top, maxsplit=1)[0].lower() if top.endswith("-info") else top.lower()
    groups = {
        "pyside6": "PySide6-Essentials and shiboken6",
        "pyside6_essentials": "PySide6-Essentials and shiboken6",
        "shiboken6": "PySide6-Essentials and shiboken6",
        "phonenumbers": "phonenumbers",
        "cryptography": "cryptography",
        "pip": "pip and setuptools (come with every venv)",
        "setuptools": "pip and setuptools (come with every venv)",
        "pkg_resources": "pip and setuptools (come with every venv)",
        "_distutils_hack": "pip and setuptools (come with every venv)",
        "icalendar": "icalendar",
        "tzdata": "tzdata",
        "crickets": "Crickets itself (code and resources)",
    }
    return groups.get(top, "everything else (keyring, plyer, dateutil, ...)")


def breakdown(folder: Path, part: Callable[[Path], str]) -> Counter[str]:
    sizes: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()
    for path in folder.rglob("*"):
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen or path.is_dir():
            continue
        seen.add((info.st_dev, info.st_ino))
        sizes[part(path.relative_to(folder))] += info.st_blocks * 512
    return sizes


def gzipped_size(folder: Path) -> int:
    """The size of ``folder`` as a .tar.gz download."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bundle.tar.gz"
        with (
            target.open("wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as packed,
            tarfile.open(fileobj=packed, mode="w") as tar,
        ):
            tar.add(folder, arcname=folder.name)
        return target.stat().st_size


def build_bundle(out: Path) -> Path:
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(out / "dist")}
    env["WORK"] = str(out / "work")
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env, check=True)
    return out / "dist" / "crickets"


def table(title: str, total: int, parts: Counter[str]) -> list[str]:
    rows = [f"| **{title}** | **{total / MIB:.1f} MiB** |"]
    rows += [f"| {name} | {size / MIB:.1f} MiB |" for name, size in parts.most_common()]
    return rows


def section(bundle: Path, venv: Path) -> str:
    bundle_total = wheel_venv.disk_usage(bundle)
    venv_total = wheel_venv.disk_usage(venv)
    download = gzipped_size(bundle)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    try:
        qt = metadata.version("PySide6-Essentials")
    except metadata.PackageNotFoundError:
        qt = "?"
    bundle_rows = table(
        "One-folder bundle (`packaging/build.sh` → dist/crickets)",
        bundle_total,
        breakdown(bundle, bundle_part),
    )
    venv_rows = table(
        "Fresh venv with the wheel (`pip install .`)", venv_total, breakdown(venv, venv_part)
    )
    lines = [
        START,
        "## Size",
        "",
        f"Measured {when} on {platform.node()} ({platform.machine()}, Python "
        f"{platform.python_version()}, PySide6-Essentials {qt}) by `bench/size.py`; disk usage "
        "as `du` counts it.",
        "",
        "| what | size |",
        "|---|---|",
        *bundle_rows,
        f"| *the bundle as a .tar.gz download* | *{download / MIB:.1f} MiB* |",
        *venv_rows,
        "",
        "The dependency is PySide6-Essentials, not PySide6: Essentials covers every Qt module "
        "Crickets uses (QtCore, QtGui, QtWidgets, QtNetwork, QtDBus, and QtSvg through its "
        "plugins). The bundle keeps only those (docs/decisions/051): no QtQml, QtQuick, QtPdf, "
        "no GTK platform theme, no unused image formats, and phonenumbers without its "
        "geocoding, carrier and time-zone tables. It also leaves out (docs/decisions/168) Qt's "
        "translations, the ICU data Qt never asks for (it keeps collation), the libraries "
        "every Linux desktop has (C++ runtime, X11, fontconfig, FreeType, GLib, zlib, "
        "libdbus), and TLS (ssl and OpenSSL), _hashlib and readline.",
        END,
    ]
    return "\n".join(lines)


def write(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="measure this bundle instead of building one")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="crickets-size-") as tmp:
        out = Path(tmp)
        bundle = args.bundle.resolve() if args.bundle else build_bundle(out)
        if not (bundle / "crickets").is_file():
            parser.error(f"{bundle} is not a bundle (no crickets executable in it)")
        wheel = wheel_venv.build_wheel(out / "wheelhouse")
        wheel_venv.install_fresh(out / "venv", wheel)
        text = section(bundle, out / "venv")
        shutil.rmtree(out / "venv")
    print(text)
    if not args.no_write:
        write(text)
        print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
