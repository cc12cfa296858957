"""Small stream adapters that hash and count bytes as they pass, so nothing is read twice."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, Protocol, cast

CHUNK = 1024 * 1024

PayloadSource = bytes | bytearray | memoryview | BinaryIO | Iterable[bytes]
"""Payload input: whole bytes, a binary file object, or an iterable of bytes chunks."""


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> int | None: ...


class HashingReader:
    """Reads from a source (file object or chunk iterator), hashing and counting the bytes."""

    def __init__(self, source: Readable | Iterator[bytes], limit: int | None = None) -> None:
        self._source = source
        self._pending = b""
        self._eof = False
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None
        self._limit = limit
        self.on_limit: Callable[[], BaseException] | None = None

    def _next(self, size: int) -> bytes:
        if isinstance(self._source, Iterator):
            while not self._pending and not self._eof:
                try:
                    chunk = next(self._source)
                except StopIteration:
                    self._eof = True
                    break
                if not isinstance(chunk, bytes | bytearray | memoryview):
                    raise TypeError("payload chunks must be bytes")
                self._pending = bytes(chunk)
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        data = self._source.read(size)
        if not isinstance(data, bytes | bytearray):
            raise TypeError("payload source must be opened in binary mode")
        return bytes(data)

    def read(self, size: int = -1) -> bytes:
        try:
            if size is None or size < 0:
                size = CHUNK
            data = self._next(size)
            self.size += len(data)
            self.sha256.update(data)
            if self._limit is not None and self.size > self._limit:
                raise self.on_limit() if self.on_limit else ValueError("stream over limit")
            return data
        except BaseException as exc:
            # pyrage turns Python exceptions into strings; keep the original to re-raise.
            self.error = exc
            raise

    def drain(self) -> None:
        """Read (and count) whatever is left."""
        while self.read(CHUNK):
            pass


class HashingWriter:
    """Writes to a sink, hashing and counting; can refuse to grow past a limit."""

    def __init__(self, sink: Writable, limit: int | None = None) -> None:
        self._sink = sink
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.error: BaseException | None = None
        self._limit = limit
        self.on_limit: Callable[[], BaseException] | None = None

    def write(self, data: bytes) -> int:
        try:
            view = bytes(data)
            self.size += len(view)
            if self._limit is not None and self.size > self._limit:
                raise self.on_limit() if self.on_limit else ValueError("stream over limit")
            self.sha256.update(view)
            self._sink.write(view)
            return len(view)
        except BaseException as exc:
            self.error = exc
            raise

    def flush(self) -> None:
        flush = getattr(self._sink, "flush", None)
        if callable(flush):
            flush()


def as_readable(source: PayloadSource) -> Readable | Iterator[bytes]:
    """Normalise a payload source for HashingReader."""
    if isinstance(source, bytes | bytearray | memoryview):
        return iter([bytes(source)])
    if hasattr(source, "read"):
        # file objects are iterable too (by lines): read them in chunks instead
        return cast(Readable, source)
    return iter(source)
