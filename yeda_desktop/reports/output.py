"""Write PDFs atomically (temp file + os.replace): a crash or cancel never leaves half a form."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

Output = str | os.PathLike[str] | BinaryIO
"""Where a form goes: a file path (written atomically) or a writable binary stream."""


def write_atomically(out: Output, produce: Callable[[BinaryIO], None]) -> None:
    """Run ``produce`` into a temporary file beside ``out`` and move it into place when it succeeds.

    For a stream, ``produce`` writes to a temporary file first too, and the stream only
    receives the bytes once the whole document is done.
    """
    if isinstance(out, (str, os.PathLike)):
        target = Path(out)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path(".")
        )
        try:
            with os.fdopen(fd, "w+b") as tmp:
                produce(tmp)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp_name)
            raise
        return
    with tempfile.TemporaryFile() as spool:
        produce(spool)
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            out.write(chunk)
