"""certificates_1000: 1,000 certificates rendered into one PDF and as 1,000 files, against a floor of the
same pages drawn with bare ReportLab canvas calls (same font, same QR drawn from segno's matrix) in the
same run. Target ratio <= 1.3. BENCH_QUICK=1: 100 certificates."""

from __future__ import annotations

import io
import time
from datetime import UTC, datetime, timedelta

from bench.common import BenchContext, Result


def _snapshots(n: int) -> list[dict]:
    from desktop_app.certificates.issuing import make_snapshot
    from desktop_app.certificates.numbering import format_number, qr_payload, sign
    from desktop_app.certificates.templates import TemplateSettings

    settings = TemplateSettings()
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
    teams = ["逍遥津社区小红帽党员志愿巡逻队", "庐阳大妈邻里互助队", "垃圾分类督导队"]
    out = []
    t0 = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)
    for i in range(n):
        name = surnames[i % len(surnames)] + given[(i * 7) % len(given)] + given[(i * 3) % len(given)]
        number = format_number("SQK", 2026, i + 1)
        values = {
            "kind": "service_record", "recipient_name": name, "resident_id": None, "id_number": "11010519491231002X",
            "organisation": teams[i % 3], "period_start": "2026-01-01", "period_end": "2026-12-15",
            "hours": 20 + (i % 150) / 2, "service_content": "小红帽巡逻、垃圾分类引导、独居老人探访", "title": "", "body": "",
            "source": "", "source_ref": "",
        }
        out.append(make_snapshot(values, number=number, payload=qr_payload(number, sign(b"k" * 32, number)),
                                 issued_at=t0 + timedelta(seconds=i), language="zh", with_seal=i % 4 == 0,
                                 settings=settings, station_name="逍遥津社区党群服务中心"))
    return out


def _floor_page(c, snap: dict) -> None:
    """The same page with plain canvas calls: fixed positions, no measuring, no line breaking, no fallback."""
    from reportlab.lib.pagesizes import A4, landscape

    from desktop_app.core.pdf import FONT, draw_qr

    W, H = landscape(A4)
    c.setPageSize((W, H))
    c.setStrokeColorRGB(0.65, 0.1, 0.16)
    c.setLineWidth(3.2)
    c.rect(22, 22, W - 44, H - 44)
    c.setStrokeColorRGB(0.79, 0.63, 0.15)
    c.setLineWidth(0.9)
    c.rect(29, 29, W - 58, H - 58)
    c.setFont(FONT, 9)
    c.drawRightString(W - 45, H - 53, "编号：" + snap["number"])
    c.setFont(FONT, 40)
    c.setFillColorRGB(0.65, 0.1, 0.16)
    c.drawCentredString(W / 2, H - 107, "志愿服务记录证明")
    c.setFillColorRGB(0.1, 0.1, 0.1)
    c.line(W / 2 - 70, H - 123, W / 2 + 70, H - 123)
    c.setFont(FONT, 15)
    x, y = 92, H - 160
    c.drawString(x, y, "兹证明下列志愿者在本单位记录的志愿服务情况如下：")
    rows = [("姓　　名", snap["recipient_name"]), ("身份证号", snap["id_masked"]), ("服务组织", snap["organisation"]),
            ("服务时间", "2026年1月1日 至 2026年12月15日"), ("服务时长", f"{snap['hours']:g} 小时"),
            ("服务内容", snap["service_content"])]
    y -= 30
    for label, value in rows:
        c.setFillColorRGB(0.97, 0.95, 0.92)
        c.rect(x, y - 8, 105, 28, stroke=0, fill=1)
        c.rect(x, y - 8, W - 2 * x, 28, stroke=1, fill=0)
        c.setFillColorRGB(0.1, 0.1, 0.1)
        c.drawCentredString(x + 52, y, label)
        c.drawString(x + 113, y, value)
        y -= 28
    c.drawString(x + 30, y - 20, "特此证明。")
    c.setFont(FONT, 9.3)
    note = "本证明依据" + snap["issuer"] + "的志愿服务记录出具，所载时长为实际服务时长；本证明为本单位出具，不代表全国志愿服务信息系统的记录。"
    c.drawString(x, y - 45, note[:70])
    c.drawString(x, y - 58, note[70:])
    draw_qr(c, snap["qr"], 49, 65, 74)
    c.setFont(FONT, 8)
    c.drawCentredString(86, 55, "扫码核验")
    c.setFont(FONT, 14)
    c.drawRightString(W - 95, 115, snap["issuer"])
    c.setFont(FONT, 12)
    c.drawRightString(W - 95, 95, "2026年12月20日")
    c.showPage()


def _floor_one(snaps: list[dict]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1, pageCompression=1)
    for snap in snaps:
        _floor_page(c, snap)
    c.save()
    return buf.getvalue()


def _floor_each(snaps: list[dict], folder) -> None:
    from reportlab.pdfgen.canvas import Canvas

    for snap in snaps:
        buf = io.BytesIO()
        c = Canvas(buf, invariant=1, pageCompression=1)
        _floor_page(c, snap)
        c.save()
        (folder / f"floor-{snap['number']}.pdf").write_bytes(buf.getvalue())


def _ours_one(snaps: list[dict]) -> bytes:
    from desktop_app.certificates import pdf

    return pdf.render(snaps)


def _ours_each(snaps: list[dict], folder) -> None:
    from desktop_app.certificates import pdf

    for snap in snaps:
        (folder / f"{snap['number']}.pdf").write_bytes(pdf.render([snap]))


def _best(fn, repeat: int) -> float:
    """CPU seconds of this process (best of ``repeat``): the bench machine's 2 cores are shared with
    other work, and wall-clock figures swung by 2x between identical runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def certificates_1000(ctx: BenchContext) -> list[Result]:
    from desktop_app.core import pdf as core_pdf

    n = 100 if ctx.quick else 1000
    core_pdf.register_fonts()
    snaps = _snapshots(n)
    _ours_one(snaps[:5])  # warm caches (font subsets, glyph lookups) for both sides
    _floor_one(snaps[:5])
    import tempfile
    from pathlib import Path

    each_dir = Path(tempfile.mkdtemp(prefix="certificates-bench-"))
    repeat = 3
    # interleave ours and floor so machine load (2 shared cores) hits both alike
    ours_one = floor_one = ours_each = floor_each = float("inf")
    for _ in range(repeat):
        each_dir.mkdir(parents=True, exist_ok=True)
        ours_one = min(ours_one, _best(lambda: _ours_one(snaps), 1))
        floor_one = min(floor_one, _best(lambda: _floor_one(snaps), 1))
        ours_each = min(ours_each, _best(lambda: _ours_each(snaps, each_dir), 1))
        floor_each = min(floor_each, _best(lambda: _floor_each(snaps, each_dir), 1))
    size_one = len(_ours_one(snaps))
    return [
        Result(f"certificates_{n}_one_pdf", ours_one, floor_one, "cpu s", "ratio <= 1.3",
               extra={"pages": n, "bytes": size_one, "per_page_ms": round(1000 * ours_one / n, 2)}),
        Result(f"certificates_{n}_files", ours_each, floor_each, "cpu s", "ratio <= 1.3",
               extra={"files": n, "per_file_ms": round(1000 * ours_each / n, 2)}),
    ]


BENCHMARKS = {"certificates_1000": certificates_1000}

