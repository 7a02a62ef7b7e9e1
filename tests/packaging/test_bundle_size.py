"""The bundle stays within 100 MiB (issue 16) by leaving out only what Crickets never loads
(decision 168): Qt's translations, ICU data Qt never asks for, libraries every desktop has,
and TLS. What is left must still resolve, and Qt must collate text exactly as it does with
the wheel's full ICU data."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import bundle_rules
import icu_data
import pytest
import wheel_venv

from tests.packaging.conftest import Bundle, need_tool

pytestmark = pytest.mark.slow

LIMIT_MIB = 100

#: Sorts words the way QCollator does in several locales, cases them in Turkish, German and
#: Greek; prints the results as JSON. Run once against the wheel's ICU and once against the
#: bundle's.
QT_TEXT = r"""
import functools, json
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
words = ["zebra", "Äpfel", "apple", "Ångström", "öl", "ñandu", "nube", "ch", "cz", "ı", "i",
         "İ", "日本", "中文", "한국", "Ωμέγα", "Яблоко", "ёж", "éclair", "ecole", "x10", "x9"]
out = {}
for name in ["en_US", "de_DE", "sv_SE", "es_ES", "cs_CZ", "tr_TR", "zh_CN", "ja_JP", "ko_KR",
             "ru_RU", "fr_FR", "C"]:
    collator = QCollator(QLocale(name))
    out[name] = sorted(words, key=functools.cmp_to_key(collator.compare))
    collator.setNumericMode(True)
    out[name + " numeric"] = sorted(words, key=functools.cmp_to_key(collator.compare))
out["tr upper"] = QLocale("tr_TR").toUpper("istanbul ı")
out["tr lower"] = QLocale("tr_TR").toLower("İSTANBUL I")
out["de upper"] = QLocale("de_DE").toUpper("straße")
out["el upper"] = QLocale("el_GR").toUpper("ώρα")
print(json.dumps(out, ensure_ascii=False))
"""


def test_the_bundle_is_at_most_100_mib(bundle: Bundle) -> None:
    size = wheel_venv.disk_usage(bundle.folder) / 2**20
    assert size <= LIMIT_MIB, f"the bundle is {size:.1f} MiB"


def test_the_bundle_leaves_out_host_libraries_translations_and_tls(
    bundle: Bundle, archive: set[str]
) -> None:
    names = {path.name for path in bundle.internal.rglob("*") if path.is_file()}
    assert not names & bundle_rules.HOST_LIBRARIES
    assert not (bundle.internal / "PySide6" / "Qt" / "translations").exists()
    assert not [name for name in names if name.startswith(("libssl", "libcrypto", "libreadline"))]
    assert not [m for m in archive if m.split(".")[0] in bundle_rules.UNUSED_STDLIB]
    dynload = {p.name.split(".")[0] for p in bundle.internal.glob("python3*/lib-dynload/*.so")}
    assert not dynload & set(bundle_rules.UNUSED_STDLIB)


def test_every_bundled_library_resolves_with_the_hosts_libraries(bundle: Bundle) -> None:
    """As the launcher runs them (the bundle's folder first on the library path), nothing is
    missing: the host provides what HOST_LIBRARIES leaves to it."""
    ldd = need_tool("ldd", "libc-bin")
    env = {**os.environ, "LD_LIBRARY_PATH": str(bundle.internal)}
    missing = {}
    for library in sorted(bundle.internal.rglob("*.so*")):
        out = subprocess.run([ldd, str(library)], capture_output=True, text=True, env=env)
        lost = [line.split()[0] for line in out.stdout.splitlines() if "not found" in line]
        if lost:
            missing[str(library.relative_to(bundle.internal))] = lost
    assert not missing


def test_the_bundled_icu_data_holds_collation_and_no_more(bundle: Bundle) -> None:
    (library,) = (bundle.internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    kept = icu_data.items(icu_data.package_in(library))
    assert all(bundle_rules.keep_icu_item(name) for name in kept)
    prefix = next(iter(kept)).split("/")[0]
    for name in ("coll/root.res", "coll/ucadata.icu", "coll/sv.res", "coll/zh.res"):
        assert f"{prefix}/{name}" in kept, name
    assert library.stat().st_size < 6 * 2**20


def test_qt_collates_and_cases_text_with_the_bundled_icu_as_with_the_full_one(
    bundle: Bundle, tmp_path: Path
) -> None:
    """The venv's PySide6 run once as it is and once with the bundle's ICU data library put
    first on the library path (the wheel's Qt and ICU are the ones the bundle carries)."""
    (library,) = (bundle.internal / "PySide6" / "Qt" / "lib").glob("libicudata.so.*")
    shutil.copy2(library, tmp_path / library.name)

    def qt_text(extra: dict[str, str]) -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-c", QT_TEXT],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        result: dict[str, object] = json.loads(done.stdout)
        return result

    full = qt_text({})
    bundled = qt_text({"LD_LIBRARY_PATH": str(tmp_path)})
    assert bundled == full
    assert full["sv_SE"] != full["de_DE"]  # the locales' own rules were in play (å after z)
