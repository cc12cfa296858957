"""The payload as JSON lines, streamed both ways so a 100k-row baseline never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from yeda_desktop.errors import YedaError

BUFFER = 256 * 1024
# One encoder, built once: json.dumps with options builds a new encoder for every call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode_lines(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """One compact JSON object per line, yielded in ~256 KiB pieces."""
    buf: list[bytes] = []
    size = 0
    for record in records:
        line = _ENCODE(record).encode() + b"\n"
        buf.append(line)
        size += len(line)
        if size >= BUFFER:
            yield b"".join(buf)
            buf, size = [], 0
    if buf:
        yield b"".join(buf)


def decode_lines(chunks: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """Parse JSON lines from byte chunks; a line that is not an object is a damaged payload.

    The complete lines of a chunk are parsed in one call, as one JSON array (per-line calls
    cost more than the parsing itself); a chunk that does not parse that way is parsed line
    by line, so the damaged line raises the same error as before.
    """
    rest = b""
    for chunk in chunks:
        rest += chunk
        *complete, rest = rest.split(b"\n")
        yield from _parse_many([line for line in complete if line])
    if rest.strip():
        yield _parse(rest)


def _parse_many(lines: list[bytes]) -> list[dict[str, Any]]:
    if not lines:
        return []
    try:
        values = json.loads(b"[" + b",".join(lines) + b"]")
    except ValueError:
        values = None
    if (isinstance(values, list) and len(values) == len(lines)
            and all(type(v) is dict for v in values)):
        return values
    return [_parse(line) for line in lines]


def _parse(line: bytes) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise YedaError(
            "数据包内容无法解析（签名有效但内容不是预期的格式）",
            "the package content cannot be read (validly signed, but not the expected format)",
        )
    return value
