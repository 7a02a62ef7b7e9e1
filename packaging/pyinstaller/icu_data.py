"""A smaller ICU data library for the bundle: the same package, only the items Qt can use.

The PySide6 wheels link QtCore against their own ICU, whose ``libicudata.so.NN`` is nothing but
one ICU "common data" package (``icudtNN_dat``, about 30 MiB). Qt calls ICU only for
collation, legacy code pages, case mapping and time-zone display names (docs/decisions/168);
``bundle_rules.keep_icu_item`` says which items stay. This module reads the package out of the
wheel's library, writes a package with the kept items, and links it into a library with the
same soname and symbol (GNU ``as`` and ``ld``, from binutils, which PyInstaller needs on Linux
anyway). Plain Python: no PyInstaller import, so the tests can use it too.

The package format (ICU's udata.cpp, ``CmnD``): a data header, then ``count`` and ``count``
pairs of (name offset, data offset), both from the start of that table, the names
(``icudtNNl/coll/de.res``), sorted, and the items, each 16-byte aligned.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

MAGIC = b"\xda\x27"
FORMAT = b"CmnD"
ALIGN = 16


class IcuDataError(Exception):
    """The library is not an ICU data library this module can read."""


def symbol_for(library: Path) -> str:
    """``icudt73_dat`` for ``libicudata.so.73``."""
    match = re.fullmatch(r"libicudata\.so\.(\d+)", library.name)
    if match is None:
        raise IcuDataError(f"{library.name} is not named libicudata.so.<version>")
    return f"icudt{match.group(1)}_dat"


def package_in(library: Path) -> bytes:
    """The common data package inside an ICU data library (read via ``readelf``)."""
    symbol = symbol_for(library)
    table = subprocess.run(
        ["readelf", "--wide", "--dyn-syms", str(library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(rf"^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s.*\s{symbol}$", table, re.M)
    if match is None:
        raise IcuDataError(f"{library} does not define {symbol}")
    address, size = int(match.group(1), 16), int(match.group(2), 0)
    data = library.read_bytes()
    offset = _file_offset(data, address)
    return data[offset : offset + size]


def _file_offset(elf: bytes, address: int) -> int:
    """The file offset of a virtual address in a 64-bit little-endian ELF file."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError("not a 64-bit little-endian ELF file")
    phoff: int = struct.unpack_from("<Q", elf, 32)[0]  # e_phoff
    phentsize, phnum = struct.unpack_from("<HH", elf, 54)  # e_phentsize, e_phnum
    for index in range(phnum):
        header = struct.unpack_from("<IIQQQQ", elf, phoff + index * phentsize)
        kind, offset, vaddr, filesz = header[0], header[2], header[3], header[5]
        if kind == 1 and vaddr <= address < vaddr + filesz:  # PT_LOAD
            start: int = address - vaddr + offset
            return start
    raise IcuDataError(f"address {address:#x} is in no loaded segment")


def items(package: bytes) -> dict[str, bytes]:
    """The items of a common data package, by name, in the package's order."""
    header_size = struct.unpack_from("<H", package)[0]
    if package[2:4] != MAGIC or package[12:16] != FORMAT:
        raise IcuDataError("not an ICU common data package (CmnD)")
    (count,) = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    found: dict[str, bytes] = {}
    for index, (name_at, data_at) in enumerate(entries):
        start = header_size + name_at
        name = package[start : package.index(b"\0", start)].decode("ascii")
        end = header_size + entries[index + 1][1] if index + 1 < count else len(package)
        found[name] = package[header_size + data_at : end]
    return found


def rebuild(package: bytes, keep: Callable[[str], bool]) -> bytes:
    """The same package with only the items ``keep`` accepts (names stay sorted)."""
    header = package[: struct.unpack_from("<H", package)[0]]
    kept = {name: data for name, data in items(package).items() if keep(name)}
    names = sorted(kept)
    table_size = 4 + 8 * len(names)
    name_block = b"".join(name.encode("ascii") + b"\0" for name in names)
    position = _aligned(table_size + len(name_block))
    entries, name_at, body = [], table_size, bytearray()
    for name in names:
        entries.append((name_at, position + len(body)))
        name_at += len(name) + 1
        body += kept[name]
        body += b"\0" * (_aligned(len(body)) - len(body))
    table = struct.pack("<I", len(names)) + b"".join(struct.pack("<II", *e) for e in entries)
    padding = b"\0" * (position - table_size - len(name_block))
    return header + table + name_block + padding + bytes(body)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def link(package: bytes, target: Path) -> Path:
    """Write ``target`` (``.../libicudata.so.NN``): a shared library defining the package."""
    symbol = symbol_for(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icudata-") as tmp:
        blob, source, obj = Path(tmp, "data.dat"), Path(tmp, "data.s"), Path(tmp, "data.o")
        blob.write_bytes(package)
        source.write_text(
            "\t.section .rodata\n"
            f"\t.balign {ALIGN}\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"{symbol}:\n"
            f'\t.incbin "{blob}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(["as", "-o", str(obj), str(source)], check=True)
        subprocess.run(
            [
                "ld",
                "-shared",
                "-z",
                "noexecstack",
                "-soname",
                target.name,
                "-o",
                str(target),
                str(obj),
            ],
            check=True,
        )
    return target


def trimmed_library(library: Path, keep: Callable[[str], bool], target: Path) -> Path:
    """``library`` with only the items ``keep`` accepts, linked at ``target``."""
    return link(rebuild(package_in(library), keep), target)
