"""The payload as JSON lines, streamed both ways so a 100k-row baseline never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from yeda_desktop.errors import YedaError

BUFFER = 256 * 1024


def encode_lines(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    """One compact JSON object per line, yielded in ~256 KiB pieces."""
    buf: list[bytes] = []
    size = 0
    for record in records:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        buf.append(line)
        size += len(line)
        if size >= BUFFER:
            yield b"".join(buf)
            buf, size = [], 0
    if buf:
        yield b"".join(buf)


def decode_lines(chunks: Iterable[bytes]) -> Iterator[dict[str, Any]]:
    """Parse JSON lines from byte chunks; a line that is not an object is a damaged payload."""
    rest = b""
    for chunk in chunks:
        rest += chunk
        *complete, rest = rest.split(b"\n")
        for line in complete:
            if line:
                yield _parse(line)
    if rest.strip():
        yield _parse(rest)


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
