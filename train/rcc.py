"""Reader for Qt resource bundles (.rcc), to take images out of Debian's gcompris-qt-data.

Format: ``qres``, then big-endian uint32 version, tree offset, data offset, names offset.
Tree nodes are 14 bytes (v1) or 22 bytes (v2+): uint32 name offset, uint16 flags, then a
directory (flag 2) has uint32 child count + uint32 first child index, a file has uint16
country, uint16 language, uint32 data offset. Names: uint16 length, uint32 hash, UTF-16BE.
File data: uint32 size then bytes; flag 1 = zlib with a 4-byte length prefix, 4 = zstd.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def read_rcc(path: str | Path) -> dict[str, bytes]:
    """{path inside the bundle: file bytes} for every file in an .rcc bundle."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"qres":
        raise ValueError(f"{path} is not a Qt resource bundle")
    version, tree, data, names = struct.unpack(">IIII", buf[4:20])
    node = 22 if version >= 2 else 14

    def name(off):
        n = struct.unpack(">H", buf[names + off : names + off + 2])[0]
        return buf[names + off + 6 : names + off + 6 + 2 * n].decode("utf-16-be")

    out: dict[str, bytes] = {}

    def walk(index, prefix):
        base = tree + index * node
        name_off, flags = struct.unpack(">IH", buf[base : base + 6])
        label = name(name_off) if index else ""
        full = f"{prefix}/{label}" if label else prefix
        if flags & 2:
            count, first = struct.unpack(">II", buf[base + 6 : base + 14])
            for child in range(first, first + count):
                walk(child, full)
            return
        off = struct.unpack(">I", buf[base + 10 : base + 14])[0]
        size = struct.unpack(">I", buf[data + off : data + off + 4])[0]
        blob = buf[data + off + 4 : data + off + 4 + size]
        if flags & 1:
            blob = zlib.decompress(blob[4:])
        elif flags & 4:
            import zstandard

            blob = zstandard.ZstdDecompressor().decompress(blob)
        out[full.lstrip("/")] = blob

    walk(0, "")
    return out
