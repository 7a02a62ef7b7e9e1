"""packaging/pyinstaller/icu_data.py on the PySide6 wheel's own ICU data library (decision 168):
the package read out of it, rewritten with fewer items, and linked into a library the dynamic
linker and ICU accept."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import bundle_rules
import icu_data
import PySide6
import pytest

WHEEL_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not list(WHEEL_LIB.glob("libicudata.so.*"))
    or any(shutil.which(tool) is None for tool in ("readelf", "as", "ld")),
    reason="needs Linux, the PySide6 wheel's ICU and binutils (readelf, as, ld)",
)


def wheel_icudata() -> Path:
    (library,) = WHEEL_LIB.glob("libicudata.so.*")
    return library


def test_the_package_is_read_out_of_the_wheel_library() -> None:
    package = icu_data.package_in(wheel_icudata())
    found = icu_data.items(package)
    assert len(found) > 1000
    prefix = next(iter(found)).split("/")[0]
    assert prefix.startswith("icudt") and prefix.endswith("l")  # little-endian data
    assert f"{prefix}/coll/root.res" in found
    assert list(found) == sorted(found)  # ICU finds items by binary search


def test_rebuilding_keeps_the_chosen_items_byte_for_byte_sorted_and_aligned() -> None:
    package = icu_data.package_in(wheel_icudata())
    every = icu_data.items(package)
    assert icu_data.items(icu_data.rebuild(package, lambda _name: True)) == every

    smaller = icu_data.rebuild(package, bundle_rules.keep_icu_item)
    kept = icu_data.items(smaller)
    assert kept == {name: data for name, data in every.items() if bundle_rules.keep_icu_item(name)}
    assert list(kept) == sorted(kept)
    header = struct.unpack_from("<H", smaller)[0]
    (count,) = struct.unpack_from("<I", smaller, header)
    offsets = [struct.unpack_from("<II", smaller, header + 4 + 8 * i)[1] for i in range(count)]
    assert all((header + offset) % icu_data.ALIGN == 0 for offset in offsets)
    assert len(smaller) < len(package) / 5


def test_what_the_bundle_keeps_of_icu() -> None:
    keep = bundle_rules.keep_icu_item
    for name in ("coll/root.res", "coll/ucadata.icu", "coll/sv.res", "coll/zh.res", "pool.res"):
        assert keep(f"icudt73l/{name}"), name
    for name in ("brkitr/cjdict.dict", "zone/de.res", "lang/fr.res", "ibm-943_P15A-2003.cnv"):
        assert not keep(f"icudt73l/{name}"), name
    assert not keep("icudt73l/de.res")  # locale display data: Qt has its own (CLDR in QtCore)


def test_the_linked_library_exports_the_package_under_the_icu_soname(tmp_path: Path) -> None:
    source = wheel_icudata()
    target = icu_data.trimmed_library(source, bundle_rules.keep_icu_item, tmp_path / source.name)
    dynamic = subprocess.run(
        ["readelf", "--dynamic", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Library soname: [{source.name}]" in dynamic
    assert "NEEDED" not in dynamic
    assert icu_data.items(icu_data.package_in(target)) == icu_data.items(
        icu_data.rebuild(icu_data.package_in(source), bundle_rules.keep_icu_item)
    )


def test_a_library_without_icu_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.symbol_for(tmp_path / "libicuuc.so.73")
    fake = tmp_path / "libicudata.so.73"
    fake.write_bytes(b"not an ELF file")
    with pytest.raises((icu_data.IcuDataError, subprocess.CalledProcessError)):
        icu_data.package_in(fake)
