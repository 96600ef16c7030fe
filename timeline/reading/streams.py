"""Binary file handles -> text streams for the record formats (.jsonl, .csv, .json), read in chunks.

Reads the first bytes to choose the encoding (BOM, UTF-16 without BOM, UTF-8); adds a text stream.
Invalid UTF-8 bytes survive as surrogate escapes; ``decoding.from_surrogates`` turns them into
cp1252 characters record by record, with a note.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from ..errors import InputRejected
from .decoding import BOMS, SNIFF_BYTES, _utf16_order, binary_kind, decode

HEAD_BYTES = 65536


class _Prefixed(io.RawIOBase):
    """A raw stream that first gives back bytes already read, then the rest of the handle."""

    def __init__(self, head: bytes, handle: BinaryIO):
        self._head, self._handle = head, handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size], self._head = self._head[:size], self._head[size:]
            return size
        chunk = self._handle.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def text_stream(handle: BinaryIO, name: str) -> tuple[io.TextIOWrapper, str]:
    """A text stream over ``handle`` and the encoding label. Raises InputRejected for binary data."""
    head = handle.read(HEAD_BYTES)
    if not head.strip():
        raise InputRejected(name, "empty file" if not head else "empty: whitespace only")
    codec, label, skip = _choose(head, name)
    raw = io.BufferedReader(_Prefixed(head[skip:], handle), buffer_size=HEAD_BYTES)
    stream = io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape" if codec == "utf-8" else "replace", newline="")
    return stream, label


def _choose(head: bytes, name: str) -> tuple[str, str, int]:
    for bom, codec, label in BOMS:
        if head.startswith(bom):
            return ("utf-8" if codec == "utf-8-sig" else codec), label, len(bom)
    kind = binary_kind(head[:SNIFF_BYTES])
    if kind == "utf-16 without BOM":
        codec = _utf16_order(head[:SNIFF_BYTES])
        return codec, codec, 0
    if kind:
        raise InputRejected(name, f"binary file ({kind})")
    decode(head[:SNIFF_BYTES], name)  # raises InputRejected when the text is mostly control characters
    return "utf-8", "utf-8", 0
