"""The page frame every form shares: A4, margins, title, QR code, and "第 x 页 共 y 页" footers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Table

from .fonts import main_font, split_runs
from .progress import Progress, RenderCancelled

QR_SIZE = 16 * mm
QR_MASK = 2
"""QR mask pattern (columns), fixed for speed."""


def qr_payload(form: str, record_id: str | None) -> str:
    """What the QR code carries: ``yeda:<form>:<record id>`` (``blank`` for an empty form)."""
    return f"yeda:{form}:{record_id or 'blank'}"


def draw_qr(canv: Canvas, payload: str, size: float, border: int = 1) -> None:
    """Draw a QR code (error correction M) for ``payload`` as a ``size`` square at the origin.

    Drawn straight from reportlab's QR matrix: going through a graphics Drawing would make
    renderPDF select Helvetica, which then shows up as an unembedded font.
    """
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    # One fixed mask instead of make()'s trial of all eight: the trial is a third of a
    # one-page form's time, and any mask is valid (the code says which one it uses).
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    count = qr.getModuleCount()
    box = size / (count + 2 * border)
    canv.setFillColorRGB(1, 1, 1)
    canv.rect(0, 0, size, size, stroke=0, fill=1)
    canv.setFillColorRGB(0, 0, 0)
    path = canv.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                path.rect(
                    (start + border) * box, size - (r + border + 1) * box, (c - start) * box, box
                )
            else:
                c += 1
    canv.drawPath(path, stroke=0, fill=1)


def draw_runs(
    canv: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False
) -> float:
    """Draw ``text`` left-aligned at (x, y) with per-character fallback fonts; return its width."""
    start = x
    canv.saveState()
    if bold:
        # Micro Hei has no bold face: fill and stroke the outline, as printed forms do.
        canv.setLineWidth(size / 28)
    for font, run in split_runs(text):
        t = canv.beginText(x, y)
        t.setFont(font, size)
        if bold:
            t.setTextRenderMode(2)
        t.textOut(run)
        canv.drawText(t)
        x += stringWidth(run, font, size)
    canv.restoreState()
    return x - start


def runs_width(text: str, size: float) -> float:
    """Width of ``text`` drawn by :func:`draw_runs`."""
    return float(sum(stringWidth(run, font, size) for font, run in split_runs(text)))


class Heading(Flowable):  # type: ignore[misc]
    """A centred, bold-looking form title (wraps nothing: titles are short and fixed)."""

    def __init__(self, text: str, size: float = 18, space_after: float = 4 * mm) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.spaceAfter = space_after

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.4

    def draw(self) -> None:
        w = runs_width(self.text, self.size)
        draw_runs(self.canv, (self.width - w) / 2, self.size * 0.3, self.text, self.size, bold=True)


class RecordMarker(Flowable):  # type: ignore[misc]
    """Zero-size marker: later pages carry ``payload``'s QR code; passing it counts ``units``."""

    def __init__(self, payload: str | None, units: int = 0) -> None:
        super().__init__()
        self.payload = payload
        self.units = units

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if isinstance(doc, FormDoc) and self.payload is not None:
            doc.qr_payload = self.payload


class CountedTable(Table):  # type: ignore[misc]
    """A Table whose drawn rows (minus repeated headers) count towards render progress."""


@dataclass(frozen=True, slots=True)
class PageSetup:
    """Per-document page decoration."""

    running_title: str = ""
    footer_left: str = ""
    footer_right: str = ""
    landscape: bool = False


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Canvas that holds pages back until the end so each footer can say 共 y 页."""

    footer_size = 8.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_page_number(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        text = f"第 {number} 页 共 {total} 页"
        self.setFont(main_font(), self.footer_size)
        self.setFillColorRGB(0, 0, 0)
        self.drawCentredString(width / 2, 10 * mm, text)


class FormDoc(BaseDocTemplate):  # type: ignore[misc]
    """A4 document with the shared frame, QR code per record and progress callbacks."""

    def __init__(
        self,
        stream: BinaryIO,
        *,
        title: str,
        setup: PageSetup,
        qr_payload: str,
        total_units: int = 0,
        progress: Progress | None = None,
    ) -> None:
        pagesize = landscape(A4) if setup.landscape else A4
        super().__init__(
            stream,
            pagesize=pagesize,
            leftMargin=15 * mm,
            rightMargin=15 * mm,
            topMargin=22 * mm,
            bottomMargin=18 * mm,
            title=title,
            author="YEDA Desktop",
            creator="YEDA Desktop",
            subject=qr_payload,
            invariant=1,
            # Otherwise each page preamble selects Helvetica, which pdffonts lists unembedded.
            initialFontName=main_font(),
        )
        self.setup = setup
        self.qr_payload = qr_payload
        self.total_units = total_units
        self.done_units = 0
        self.progress = progress
        self._qr_forms: dict[str, str] = {}
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(
                    id="form", frames=[frame], onPage=self._on_page, onPageEnd=self._on_page_end
                )
            ]
        )

    # -- decorations -------------------------------------------------------------------
    def _on_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv._doctemplate = self
        if self.setup.running_title and canv.getPageNumber() > 1:
            canv.setFillColorRGB(0.3, 0.3, 0.3)
            draw_runs(
                canv,
                self.leftMargin,
                self.pagesize[1] - 12 * mm,
                f"{self.setup.running_title}（续）",
                9,
            )
            canv.setFillColorRGB(0, 0, 0)

    def _on_page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_qr(canv)
        canv.setFillColorRGB(0, 0, 0)
        if self.setup.footer_left:
            draw_runs(canv, self.leftMargin, 10 * mm, self.setup.footer_left, 8)
        if self.setup.footer_right:
            w = runs_width(self.setup.footer_right, 8)
            draw_runs(
                canv, self.pagesize[0] - self.rightMargin - w, 10 * mm, self.setup.footer_right, 8
            )

    def _draw_qr(self, canv: Canvas) -> None:
        payload = self.qr_payload
        name = self._qr_forms.get(payload)
        if name is None:
            name = f"qr{len(self._qr_forms)}"
            self._qr_forms[payload] = name
            canv.beginForm(name)
            draw_qr(canv, payload, QR_SIZE)
            canv.endForm()
        canv.saveState()
        canv.translate(
            self.pagesize[0] - self.rightMargin - QR_SIZE, self.pagesize[1] - 4 * mm - QR_SIZE
        )
        canv.doForm(name)
        canv.restoreState()

    # -- progress ----------------------------------------------------------------------
    def afterFlowable(self, flowable: Flowable) -> None:
        units = 0
        if isinstance(flowable, CountedTable):
            units = len(flowable._cellvalues) - flowable.repeatRows
        elif isinstance(flowable, RecordMarker):
            units = flowable.units
        if units <= 0:
            return
        self.done_units += units
        if self.progress is not None and not self.progress(
            min(self.done_units, self.total_units), self.total_units
        ):
            raise RenderCancelled("cancelled by the progress callback")


def count_units(story: Sequence[Flowable]) -> int:
    """Progress units in ``story``: data rows of counted tables plus record markers' units.

    Other flowables may stand for units they will split into (``progress_units``).
    """
    total = 0
    for f in story:
        if isinstance(f, CountedTable):
            total += len(f._cellvalues) - f.repeatRows
        elif isinstance(f, RecordMarker):
            total += f.units
        else:
            total += int(getattr(f, "progress_units", 0))
    return total


def build(doc: FormDoc, story: Sequence[Flowable]) -> int:
    """Lay out ``story`` into ``doc`` and return the number of pages."""
    doc.build(list(story), canvasmaker=_NumberedCanvas)
    if doc.progress is not None and doc.done_units < doc.total_units:
        doc.progress(doc.total_units, doc.total_units)
    pages: int = doc.page
    return pages
