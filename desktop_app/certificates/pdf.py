"""Drawing certificates with ReportLab: border, title, body, issuer block, seal, verification QR.

Drawn with canvas calls (no platypus story) for speed; lines are broken and set by typesetting.py
(Chinese line-breaking rules, font fallback). Characters the main font lacks are drawn with the next
font of core.pdf's fallback chain; characters no font has are refused before drawing
(content.check_printable), never printed as boxes.

Output is deterministic: invariant mode and the creation date taken from the register entry, so
rendering the same entry twice gives the same PDF.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from desktop_app.certificates.models import CertificateKind
from desktop_app.certificates.templates import format_date, format_hours, text
from desktop_app.certificates.typesetting import NullCanvas, draw_paragraph, draw_text, width, wrap
from desktop_app.core import pdf as core_pdf
from desktop_app.core.progress import NO_PROGRESS, Progress

GREY = (0.35, 0.35, 0.35)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    try:
        r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return r, g, b
    except ValueError:
        return (0.65, 0.1, 0.16)


# --- page ----------------------------------------------------------------------------------------------


class _Stamp:
    """A fixed PDF timestamp (ReportLab reads these attributes when writing CreationDate/ModDate)."""

    def __init__(self, when: datetime) -> None:
        import calendar

        utc = when.utctimetuple()
        self.t = float(calendar.timegm(utc))
        self.lt = utc
        self.YMDhms = tuple(utc)[:6]
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


def page_size(template: dict) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, A5, landscape, portrait

    size = A5 if template.get("page_size") == "A5" else A4
    return landscape(size) if template.get("orientation", "landscape") == "landscape" else portrait(size)


class _Images:
    def __init__(self, data: dict[str, bytes]) -> None:
        self.data = data
        self.readers: dict = {}

    def get(self, sha: str):
        if not sha or sha not in self.data:
            return None
        if sha not in self.readers:
            from reportlab.lib.utils import ImageReader

            self.readers[sha] = ImageReader(io.BytesIO(self.data[sha]))
        return self.readers[sha]


def render(
    snaps: Sequence[dict],
    *,
    images: dict[str, bytes] | None = None,
    revoked: set[int] | frozenset[int] = frozenset(),
    specimen: bool = False,
    progress: Progress = NO_PROGRESS,
) -> bytes:
    """One PDF with one page per snapshot (in order)."""
    from reportlab.pdfgen.canvas import Canvas

    core_pdf.register_fonts()
    buf = io.BytesIO()
    first = snaps[0]
    c = Canvas(buf, pagesize=page_size(first["template"]), invariant=1, pageCompression=1)
    issued = max(datetime.fromisoformat(s["issued_at"]) for s in snaps)
    c._doc._timeStamp = _Stamp(issued)  # creation date from the register, not the clock
    lang = first.get("language", "zh")
    if len(snaps) == 1:
        c.setTitle(f"{text(lang, 'title.' + first['kind'])} {first['number']}")
    else:
        c.setTitle(f"{len(snaps)} certificates")
    c.setAuthor(first.get("issuer", ""))
    c.setCreator("SmileDesk")
    c.setSubject("")
    imgs = _Images(images or {})
    total = len(snaps)
    for i, snap in enumerate(snaps):
        if total > 1 and i % 10 == 0:
            progress(i, total, snap["number"])
        c.setPageSize(page_size(snap["template"]))
        draw_page(c, snap, imgs, revoked=i in revoked, specimen=specimen)
        c.showPage()
    c.save()
    return buf.getvalue()


def draw_page(c, snap: dict, imgs: _Images, *, revoked: bool = False, specimen: bool = False) -> None:
    tpl = snap["template"]
    W, H = page_size(tpl)
    u = min(W, H) / 595.0
    lang = snap.get("language", "zh")
    main = _rgb(tpl.get("colour", "#A61B29"))
    accent = _rgb(tpl.get("accent", "#C9A227"))
    m = 22 * u

    # Frame: a strong outer line, a fine inner line, diamonds in the corners.
    c.setStrokeColorRGB(*main)
    c.setLineWidth(3.2 * u)
    c.rect(m, m, W - 2 * m, H - 2 * m, stroke=1, fill=0)
    c.setStrokeColorRGB(*accent)
    c.setLineWidth(0.9 * u)
    inner = m + 7 * u
    c.rect(inner, inner, W - 2 * inner, H - 2 * inner, stroke=1, fill=0)
    c.setFillColorRGB(*accent)
    d = 6 * u
    for cx, cy in ((inner, inner), (W - inner, inner), (inner, H - inner), (W - inner, H - inner)):
        p = c.beginPath()
        p.moveTo(cx, cy - d)
        p.lineTo(cx + d, cy)
        p.lineTo(cx, cy + d)
        p.lineTo(cx - d, cy)
        p.close()
        c.drawPath(p, stroke=0, fill=1)

    pad = inner + 16 * u
    logo = imgs.get(tpl.get("logo", ""))
    if logo is not None:
        size = 46 * u
        c.drawImage(logo, pad, H - pad - size, size, size, mask="auto", preserveAspectRatio=True, anchor="c")

    number_label = text(lang, "number") + snap["number"]
    draw_text(c, W - pad, H - pad - 8 * u, number_label, 9 * u, align="right", colour=GREY)

    # Title, letter-spaced in Chinese, with a short ornament line under it.
    title = text(lang, "title." + snap["kind"])
    title_size = (40 if lang == "zh" else 32) * u
    spacing = 10 * u if lang == "zh" else 0.0
    room = W - 2 * (pad + (56 * u if logo is not None else 0))  # keep clear of the logo
    natural = width(title, title_size) + spacing * (len(title) - 1)
    if natural > room:  # narrow paper (A5 portrait): shrink title and its letter spacing together
        title_size *= room / natural
        spacing *= room / natural
    title_y = H - pad - 62 * u
    draw_text(c, W / 2, title_y, title, title_size, align="centre", char_space=spacing, colour=main)
    c.setStrokeColorRGB(*accent)
    c.setLineWidth(1.2 * u)
    c.line(W / 2 - 70 * u, title_y - 16 * u, W / 2 + 70 * u, title_y - 16 * u)

    side = max(pad + 30 * u, W * 0.11)
    body_x, body_w = side, W - 2 * side
    top = title_y - 52 * u
    footer_top = pad + 118 * u

    drawers = {CertificateKind.SERVICE_RECORD_CERTIFICATE: _body_service_record, CertificateKind.HONOUR_CERTIFICATE: _body_honour,
               CertificateKind.THANK_YOU_LETTER: _body_thank_you}
    draw = drawers[snap["kind"]]
    size = (15 if snap["kind"] == CertificateKind.SERVICE_RECORD_CERTIFICATE else 18) * u
    end = draw(None, snap, lang, body_x, top, body_w, size, main, u)
    for _ in range(8):  # shrink a long text until it fits above the footer
        if end >= footer_top:
            break
        size *= 0.9
        end = draw(None, snap, lang, body_x, top, body_w, size, main, u)
    # A short text sits a little lower than the top of the free space, not glued under the title.
    top -= max(0.0, end - footer_top) * 0.3
    draw(c, snap, lang, body_x, top, body_w, size, main, u)

    _footer(c, snap, lang, W, pad, u, main, imgs)
    if revoked or specimen:
        _watermark(c, W, H, u, "已作废 REVOKED" if revoked else "样本 SPECIMEN")


def _para(c, *args, **kw) -> float:
    return draw_paragraph(c or NullCanvas(), *args, **kw)


def _line(c, *args, **kw) -> None:
    if c is not None:
        draw_text(c, *args, **kw)


def _body_service_record(c, snap, lang, x, y, w, size, main, u) -> float:
    y = _para(c, x, y, text(lang, "intro.service_record"), size, w, justify=False)
    y -= size * 0.3
    period = text(lang, "period", start=_fmt_day(lang, snap["period_start"]), end=_fmt_day(lang, snap["period_end"]))
    rows = [
        (text(lang, "label.name"), snap["recipient_name"]),
        (text(lang, "label.id"), snap["id_masked"] or "—"),
        (text(lang, "label.organisation"), snap["organisation"]),
        (text(lang, "label.period"), period),
        (text(lang, "label.hours"), text(lang, "hours", hours=format_hours(snap["hours"]))),
        (text(lang, "label.content"), snap["service_content"]),
    ]
    label_w = (7 if lang == "zh" else 9.5) * size
    value_w = w - label_w - 2 * 8 * u
    leading = size * 1.45
    pad_v = size * 0.45
    if c is not None:
        c.setStrokeColorRGB(0.72, 0.72, 0.72)
        c.setLineWidth(0.6 * u)
    top = y + size
    for label, value in rows:
        lines = wrap(value, size, value_w) or [""]
        h = len(lines) * leading + 2 * pad_v - (leading - size)
        if c is not None:
            c.setFillColorRGB(0.97, 0.95, 0.92)
            c.rect(x, top - h, label_w, h, stroke=0, fill=1)
            c.rect(x, top - h, w, h, stroke=1, fill=0)
            c.line(x + label_w, top - h, x + label_w, top)
        base = top - pad_v - size * 0.85
        _line(c, x + label_w / 2, base, label, size, align="centre", colour=GREY)
        for line in lines:
            _line(c, x + label_w + 8 * u, base, line, size)
            base -= leading
        top -= h
    y = top - size * 1.6
    closing = text(lang, "closing.service_record")
    if closing:
        y = _para(c, x, y, closing, size, w, indent=2 * size if lang == "zh" else 0)
    note = text(lang, "note.service_record", issuer=snap["issuer"])
    y = _para(c, x, y - size * 0.2, note, size * 0.62, w, colour=GREY, justify=False)
    return y


def _body_honour(c, snap, lang, x, y, w, size, main, u) -> float:
    big = size * 1.35
    org = snap["organisation"] or snap["issuer"]
    indent = 2 * size if lang == "zh" else 0
    if lang == "zh":
        y = _para(c, x, y, text(lang, "salutation.honour", name=snap["recipient_name"]), big, w, justify=False)
        body = snap["body"] or text(lang, "default.honour", organisation=org)
        y = _para(c, x, y - size * 0.3, body, size * 1.1, w, indent=indent, leading=size * 1.9)
    else:
        y = _para(c, x, y, "This certificate is presented to", size, w, align="centre")
        y = _para(c, x, y - size * 0.2, snap["recipient_name"], big * 1.2, w, align="centre")
        body = snap["body"] or text(lang, "default.honour", organisation=org)
        y = _para(c, x, y, body, size, w, align="centre")
    y -= size * 0.6
    y = _para(c, x, y, text(lang, "award.honour", title=snap["title"]), size * 2.0, w, align="centre", colour=main)
    closing = text(lang, "closing.honour")
    if closing:
        y = _para(c, x, y - size * 0.2, closing, size * 1.1, w, indent=indent)
    return y


def _body_thank_you(c, snap, lang, x, y, w, size, main, u) -> float:
    org = snap["organisation"] or snap["issuer"]
    y = _para(c, x, y, text(lang, "salutation.thank_you", name=snap["recipient_name"]), size * 1.25, w, justify=False)
    body = snap["body"] or text(lang, "default.thank_you", organisation=org)
    indent = 2 * size * 1.05 if lang == "zh" else 0
    y = _para(c, x, y - size * 0.2, body, size * 1.05, w, indent=indent, leading=size * 1.9)
    closing = text(lang, "closing.thank_you")
    if lang == "zh":
        first, _, second = closing.partition("\n")
        y = _para(c, x, y - size * 0.3, first, size * 1.05, w, indent=indent)
        y = _para(c, x, y, second, size * 1.05, w)
    elif closing:
        y = _para(c, x, y - size * 0.3, closing, size, w)
    return y


def _fmt_day(lang: str, iso: str | None) -> str:
    from datetime import date

    return format_date(lang, date.fromisoformat(iso)) if iso else ""


def _footer(c, snap, lang, W, pad, u, main, imgs: _Images) -> None:
    from datetime import date

    # Verification QR with the number under it, bottom left.
    qr = 74 * u
    qx, qy = pad + 4 * u, pad + 20 * u
    if snap.get("qr"):  # an erased holder's entry keeps no QR content (certificates.privacy)
        core_pdf.draw_qr(c, snap["qr"], qx, qy, qr)
        draw_text(c, qx + qr / 2, qy - 10 * u, text(lang, "scan"), 8 * u, align="centre", colour=GREY)
        if snap.get("key_id"):  # which published key verifies it (the station's key file)
            draw_text(c, qx + qr / 2, qy - 19 * u, text(lang, "verify_key", key_id=snap["key_id"]), 6 * u, align="centre",
                      colour=GREY)

    # Issuer, signatory, date: bottom right; the seal (only when asked for) sits over them.
    rx = W - pad - 50 * u
    issuer = snap["issuer"]
    issued_on = format_date(lang, date.fromisoformat(snap["issued_on"]))
    lines = [(issuer, 14 * u)]
    if snap.get("signatory"):
        lines.append((snap["signatory"], 12 * u))
    lines.append((issued_on, 12 * u))
    y = pad + 30 * u + 20 * u * (len(lines) - 1)
    block_w = 0.0
    for s, size in lines:
        block_w = max(block_w, draw_text(c, rx, y, s, size, align="right"))
        y -= 20 * u
    if snap.get("with_seal"):
        cx, cy, r = rx - min(block_w, 150 * u) / 2, pad + 52 * u, 44 * u
        seal = imgs.get(snap["template"].get("seal", ""))
        if seal is not None:
            c.drawImage(seal, cx - r, cy - r, 2 * r, 2 * r, mask="auto", preserveAspectRatio=True, anchor="c")
        else:  # where the station's stamp goes by hand
            c.saveState()
            c.setStrokeColorRGB(*main)
            c.setDash(3 * u, 3 * u)
            c.setLineWidth(0.8 * u)
            c.circle(cx, cy, r, stroke=1, fill=0)
            c.restoreState()
            draw_text(c, cx, cy - 4 * u, text(lang, "seal_here"), 9 * u, align="centre", colour=main)


def _watermark(c, W, H, u, label: str) -> None:
    c.saveState()
    c.translate(W / 2, H / 2)
    c.rotate(28)
    c.setFillAlpha(0.22)
    draw_text(c, 0, 0, label, 64 * u, align="centre", colour=(0.85, 0.0, 0.0))
    c.restoreState()
    c._smile_char_space = None
