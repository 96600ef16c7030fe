"""Bytes -> text. Reads raw bytes; adds the decoded text, the encoding used and notes.

Binary input (NUL bytes, image/archive signatures, mostly control characters) is rejected with a
reason. Control characters are normalised away so that offsets into the text are stable.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputRejected

# File signatures of common binary formats that are never articles.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"%PDF-", "PDF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8 (BOM)"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be (BOM)"),
)

SNIFF_BYTES = 8192
# A text file may carry a few stray NUL bytes (they are removed); more than this means binary data.
MAX_STRAY_NULS = 8
# Share of control characters above which decoded "text" is taken to be binary.
MAX_CONTROL_SHARE = 0.05

# C0/C1 controls except tab and newlines, plus DEL; and the characters that act as line breaks.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_ESCAPED = re.compile("[\udc80-\udcff]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def decode(data: bytes, name: str = "", declared: str = "") -> tuple[str, str, tuple[str, ...]]:
    """Decode a whole file: (text, encoding label, notes). Raises InputRejected for binary data.

    ``declared`` is a charset the file names itself (an HTML meta tag), tried before cp1252."""
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(codec, errors="replace"), name), label, ()
    kind = binary_kind(data[:SNIFF_BYTES])
    if kind == "utf-16 without BOM":
        codec = _utf16_order(data[:SNIFF_BYTES])
        return _checked(data.decode(codec, errors="replace"), name), codec, (f"no BOM; read as {codec}",)
    if kind:
        raise InputRejected(name, f"binary file ({kind})")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8", ()
    except UnicodeDecodeError as error:
        fallback = _declared(data, declared, name)
        if fallback is not None:
            return fallback
        note = f"not valid UTF-8 (byte {error.start}); read as cp1252"
        return _checked(decode_cp1252(data), name), "cp1252", (note,)


def _declared(data: bytes, declared: str, name: str) -> tuple[str, str, tuple[str, ...]] | None:
    try:
        codec = codecs.lookup(declared).name if declared else ""
    except LookupError:
        return None
    if not codec or codec.startswith("utf"):
        return None
    try:
        return _checked(data.decode(codec), name), codec, (f"read as {codec}, the charset the file declares",)
    except UnicodeDecodeError:
        return None


def decode_cp1252(data: bytes) -> str:
    """cp1252, with its five undefined bytes read as Latin-1 (they are then normalised away)."""
    return "".join(_cp1252_char(b) for b in data) if _has_undefined(data) else data.decode("cp1252")


def _has_undefined(data: bytes) -> bool:
    return any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def binary_kind(head: bytes) -> str:
    """Why the first bytes of a file look binary ("" when they look like text)."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if _utf16_order(head):
        return "utf-16 without BOM"
    nuls = head.count(0)
    if nuls > max(MAX_STRAY_NULS, MAX_CONTROL_SHARE * len(head)):
        return "contains NUL bytes"
    return ""


def _utf16_order(head: bytes) -> str:
    """'utf-16-le'/'utf-16-be' when NULs sit on one side of mostly-ASCII pairs, else ''."""
    pairs = len(head) // 2
    if pairs < 4:
        return ""
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    if odd_nuls > 0.6 * pairs and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.6 * pairs and odd_nuls == 0:
        return "utf-16-be"
    return ""


def _checked(text: str, name: str) -> str:
    """The text, unless it is mostly control or replacement characters (binary data)."""
    sample = text[:SNIFF_BYTES]
    if sample:
        bad = len(_CONTROLS.findall(sample)) + sample.count("\ufffd")
        if bad > MAX_CONTROL_SHARE * len(sample) and bad > 2:
            raise InputRejected(name, "binary file (mostly control characters)")
    return text


def normalise(text: str) -> str:
    """NFC text with one kind of line break, no control characters, and tabs as spaces."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text).replace("\t", " ")
    return unicodedata.normalize("NFC", text)


def from_surrogates(text: str) -> tuple[str, bool]:
    """Undo 'surrogateescape' decoding: invalid UTF-8 bytes become cp1252 characters."""
    if not _ESCAPED.search(text):
        return text, False
    return _ESCAPED.sub(lambda m: decode_cp1252(bytes([ord(m.group(0)) - 0xDC00])), text), True
